namespace Ingest.Matching.Rules;

/// <summary>Date arithmetic that saturates at the calendar's ends instead of throwing: data holds 0001-01-01 and 9999-12-31.</summary>
internal static class SafeDates
{
    public static DateOnly PlusDays(this DateOnly d, int days)
    {
        var n = (long)d.DayNumber + days;
        return n <= DateOnly.MinValue.DayNumber ? DateOnly.MinValue : n >= DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : DateOnly.FromDayNumber((int)n);
    }

    public static DateOnly PlusMonths(this DateOnly d, int months)
    {
        var total = d.Year * 12L + d.Month - 1 + months;
        if (total < 12)
        {
            return DateOnly.MinValue;
        }
        if (total >= 10_000 * 12)
        {
            return DateOnly.MaxValue;
        }
        return d.AddMonths(months);
    }

    public static DateOnly PlusYears(this DateOnly d, int years) => d.PlusMonths(years * 12);
}
