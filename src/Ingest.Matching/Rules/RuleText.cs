using System.Globalization;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Rules;

/// <summary>Formatting for anomaly reasons: invariant, short, readable by an analyst.</summary>
internal static class RuleText
{
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string D(DateOnly? d) => d is { } v ? D(v) : "open";

    public static string P(Period p) => D(p.Start) + ".." + D(p.End);

    public static string N(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    public static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    public static Finding Hit(string reason) => new(reason);
}
