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

    /// <summary>Builds a period from raw CDM fields; null when the start is not a valid date.</summary>
    public static Period? From(string? start, string? end)
    {
        var s = DateNormalizer.Parse(start);
        if (!s.IsValid)
        {
            return null;
        }
        var e = DateNormalizer.Parse(end);
        return new Period(s.Value, e.AsNullable);
    }
}
