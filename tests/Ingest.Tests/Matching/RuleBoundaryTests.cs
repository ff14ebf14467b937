using Ingest.Core.Results;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

/// <summary>
/// The rules' thresholds on their very boundary, where RuleCases (values far from every threshold)
/// cannot tell an off-by-one: periods count both end days, months are calendar months.
/// </summary>
public sealed class RuleBoundaryTests
{
    private static bool Fired(SedEvaluation e, string rule) => e.Anomalies.Exists(a => a.RuleId == rule);

    /// <summary>PER-05, over 5 years: from 2025-03-10, an end on 2030-03-10 is 5 years and a day, one on 2030-03-09 exactly 5 years.</summary>
    [Theory]
    [InlineData("2030-03-10", true)]
    [InlineData("2030-03-09", false)]
    public void Per05_counts_both_end_days(string end, bool fires) =>
        Assert.Equal(fires, Fired(Scenario.Of(RuleCases.A003(s => s.Decision.PeriodEnd = end)).Evaluate(), "PER-05"));

    /// <summary>
    /// PER-04, a new posting less than 2 months after the previous one, in calendar months: the posting
    /// starts 2025-03-10, so an end on 2025-01-11 is under 2 months before it, one on 2025-01-10 exactly 2.
    /// </summary>
    [Theory]
    [InlineData("2025-01-11", true)]
    [InlineData("2025-01-10", false)]
    public void Per04_gap_is_in_calendar_months(string previousEnd, bool fires) =>
        Assert.Equal(fires, Fired(Scenario.Of(A009()).After(RuleCases.EarlierPosting("2024-10-01", previousEnd)).Evaluate(), "PER-04"));

    /// <summary>STR-06, more than a year ahead: received 2027-03-01, a start on 2028-03-01 is exactly a year ahead (366 days, across 29 February).</summary>
    [Theory]
    [InlineData("2028-03-01", false)]
    [InlineData("2028-03-02", true)]
    public void Str06_counts_a_calendar_year(string start, bool fires)
    {
        var sed = A009(s =>
        {
            s.Envelope.ReceivedAt = "2027-03-01T09:00:00Z";
            s.Decision.PeriodStart = start;
            s.Decision.PeriodEnd = "2028-09-30";
        });
        Assert.Equal(fires, Fired(Scenario.Of(sed).Evaluate(), "STR-06"));
    }
}
