namespace Ingest.Generator.Scenarios.Injection;

/// <summary>PER-01 … PER-07: open or over-long postings, chains, late issue, multi-state periods.</summary>
public sealed class PeriodInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
    [
        ("PER-01", CaseKind.Posting), ("PER-02", CaseKind.Posting), ("PER-03", CaseKind.Posting), ("PER-04", CaseKind.Posting),
        ("PER-05", CaseKind.MultiState), ("PER-06", CaseKind.Posting), ("PER-07", CaseKind.Posting),
    ];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        switch (rule)
        {
            case "PER-01":
                InjectionHelpers.Mark(e, rule, positive);
                if (positive && rng.Chance(0.5))
                {
                    e.OpenPeriodType = "01";
                    e.End = null;
                }
                else if (positive)
                {
                    e.ForDurationOfActivity = true;
                    InjectionHelpers.Period(e, 200);
                }
                else
                {
                    // Fixed, one day short of 24 months: neither open nor PER-02.
                    e.End = e.Start.AddMonths(24).AddDays(-1);
                }
                break;
            case "PER-02":
                InjectionHelpers.Mark(e, rule, positive);
                e.End = e.Start.AddMonths(positive ? 25 : 23).AddDays(-1);
                break;
            case "PER-03":
            {
                // Three postings, 20-day gaps: 9 months each passes 24 months in total; 7 months each does not.
                var months = positive ? 9 : 7;
                e.End = e.Start.AddMonths(months).AddDays(-1);
                var second = InjectionHelpers.Follow(d, e, 20, months * 30, 1);
                var third = InjectionHelpers.Follow(d, second, 20, months * 30 + 5, 2);
                InjectionHelpers.Mark(third, rule, positive);
                break;
            }
            case "PER-04":
            {
                InjectionHelpers.Period(e, 120);
                var next = InjectionHelpers.Follow(d, e, positive ? 30 : 65, 90, 1);
                InjectionHelpers.Mark(next, rule, positive);
                break;
            }
            case "PER-05":
                InjectionHelpers.Mark(e, rule, positive);
                if (positive)
                {
                    e.End = rng.Chance(0.5) ? null : e.Start.AddYears(6);
                    e.OpenPeriodType = e.End is null ? "01" : null;
                }
                else
                {
                    e.End = e.Start.AddYears(5).AddDays(-2);
                }
                break;
            case "PER-06":
                InjectionHelpers.Mark(e, rule, positive);
                InjectionHelpers.Period(e, 240);
                e.Issued = e.Start.AddDays(positive ? 120 : 80);
                break;
            case "PER-07":
                InjectionHelpers.Mark(e, rule, positive);
                InjectionHelpers.Period(e, 30);
                e.Issued = positive ? e.End!.Value.AddDays(15) : e.End!.Value;
                break;
        }
    }
}
