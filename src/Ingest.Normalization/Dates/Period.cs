namespace Ingest.Normalization.Dates;

/// <summary>A closed date interval; an open period has <see cref="End"/> = null and runs for ever.</summary>
public readonly record struct Period(DateOnly Start, DateOnly? End)
{
    public static readonly DateOnly OpenEnd = DateOnly.MaxValue;

    public bool IsOpen => End is null;

    public DateOnly EffectiveEnd => End ?? OpenEnd;

    /// <summary>End before start: a malformed period (STR-04).</summary>
    public bool IsInverted => End is { } e && e < Start;

    /// <summary>
    /// The period to compare intervals with: an inverted one reduced to its start day (the start is
    /// what the sender got right, the end is the slip), any other unchanged.
    /// </summary>
    public Period Repaired => IsInverted ? new Period(Start, Start) : this;

    public bool Overlaps(Period other) => Start <= other.EffectiveEnd && other.Start <= EffectiveEnd;

    public bool Contains(Period inner) => inner.Start >= Start && inner.EffectiveEnd <= EffectiveEnd;

    /// <summary>Calendar days in the period, both ends included; int.MaxValue when open.</summary>
    public int Days => End is { } e ? e.DayNumber - Start.DayNumber + 1 : int.MaxValue;

    /// <summary>Days shared with another period (0 when disjoint).</summary>
    public int OverlapDays(Period other)
    {
        var s = Start > other.Start ? Start : other.Start;
        var e = EffectiveEnd < other.EffectiveEnd ? EffectiveEnd : other.EffectiveEnd;
        return e < s ? 0 : e.DayNumber - s.DayNumber + 1;
    }

    /// <summary>Whole months from start to end, rounded down (24-month rule of Art. 12).</summary>
    public int Months => End is { } e ? MonthsBetween(Start, e == DateOnly.MaxValue ? e : e.AddDays(1)) : int.MaxValue;

    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (to.Day < from.Day)
        {
            months--;
        }
        return months;
    }

    /// <summary>Builds a period from raw CDM fields; null when the start is not a valid date (see <see cref="Of"/>).</summary>
    public static Period? From(string? start, string? end) => Of(DateNormalizer.Parse(start), DateNormalizer.Parse(end));

    /// <summary>
    /// The period of a start and an end as parsed. Null when the start is not a date, and when the end
    /// is written but is not one (2023-02-29, "31/13/2024"): read as open, it would overlap everything
    /// after it, so nothing is assumed. An end in the year 9999 (a placeholder for "no end") is open.
    /// </summary>
    public static Period? Of(ParsedDate start, ParsedDate end)
    {
        if (!start.IsValid || end.Status is DateStatus.Impossible or DateStatus.Unparseable)
        {
            return null;
        }
        return new Period(start.Value, end.IsValid && !IsPlaceholderEnd(end.Value) ? end.Value : null);
    }

    /// <summary>An end date that stands for "no end" (9999-12-31 and the like).</summary>
    public static bool IsPlaceholderEnd(DateOnly end) => end.Year == 9999;
}
