using System.Globalization;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Rules;

/// <summary>Formatting for anomaly reasons: invariant, short, readable by an analyst.</summary>
internal static class RuleText
{
    // "O" is yyyy-MM-dd for a DateOnly and has its own fast path; the custom pattern is parsed on every call.
    public static string D(DateOnly d) => d.ToString("O", CultureInfo.InvariantCulture);

    public static string D(DateOnly? d) => d is { } v ? D(v) : "open";

    public static string P(Period p) => D(p.Start) + ".." + D(p.End);

    public static string N(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    public static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    public static Finding Hit(string reason) => new(reason);
}
