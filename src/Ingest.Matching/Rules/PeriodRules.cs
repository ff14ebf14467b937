using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Normalization.Dates;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>PER-01…PER-07: lengths, chains and timing of the decided periods.</summary>
internal static class PeriodRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("PER-01", Severity.Red, "Posting with an open period or for the duration of the activity",
            "883/2004 Art. 12 (24 months maximum)", ["Article", "Decision.OpenPeriodType", "Decision.PeriodEnd", "Decision.ForDurationOfActivity"], "A005 request for information", c =>
            {
                var s = c.Sed;
                if (!ArticleCodes.IsPosting(s.Article))
                {
                    return null;
                }
                return s.ForDuration ? Hit("Art. " + s.Article + " for the duration of the activity")
                    : s.OpenPeriod ? Hit("Art. " + s.Article + " with an open period from " + D(s.Start.AsNullable))
                    : null;
            });

        yield return new ControlRule("PER-02", Severity.Red, "Posting longer than 24 months without an Art. 16 agreement",
            "883/2004 Art. 12, 16; 987/2009 Art. 18", ["Article", "period", "case history (A011)", "A1s (Art. 16)"], "A005 request for information", c =>
            {
                var s = c.Sed;
                if (!ArticleCodes.IsPosting(s.Article) || s.Period is not { End: { } end } p || !RuleFacts.Over24Months(p.Start, end))
                {
                    return null;
                }
                foreach (var e in c.CaseHistory)
                {
                    if (e.SedType == "A011")
                    {
                        return null;
                    }
                }
                foreach (var a in c.A1.PersonRecords)
                {
                    if (RuleFacts.IsArticle16(a.Article) && a.Period is { } ap && ap.Overlaps(p))
                    {
                        return null;
                    }
                }
                return Hit("posting " + P(p) + " is " + I(p.Months) + " months, no A011 or Art. 16 A1");
            });

        yield return new ControlRule("PER-03", Severity.Red, "Chained postings over 24 months with gaps under 2 months",
            "883/2004 Art. 12(1); Decision A2 point 3(c)", ["Article", "period", "employer", "work countries", "run history", "A1s"], "A005 request for information", c =>
            {
                // The posting that carries the chain past 24 months is the one at fault: the chain ends with it.
                if (EarlierPostings(c) is not { Count: > 0 } earlier || c.Sed.Period is not { IsOpen: false } p)
                {
                    return null;
                }
                var (start, end, count) = RuleFacts.ChainAround(p, earlier);
                return count >= 2 && end == p.EffectiveEnd && RuleFacts.Over24Months(start, end)
                    ? Hit(I(count) + " chained postings " + D(start) + ".." + D(end) + " with gaps under 2 months")
                    : null;
            });

        yield return new ControlRule("PER-04", Severity.Med, "New posting less than 2 months after the previous one",
            "Decision A2 point 3(c) (2-month wait)", ["Article", "period", "employer", "work countries", "run history", "A1s"], "review", c =>
            {
                if (EarlierPostings(c) is not { Count: > 0 } earlier || c.Sed.Period is not { } p)
                {
                    return null;
                }
                foreach (var e in earlier)
                {
                    if (Gap(e, p) is { } gap)
                    {
                        return Hit("starts " + I(gap) + " days after the posting of the same employer ending " + D(e.End));
                    }
                }
                return null;
            });

        yield return new ControlRule("PER-05", Severity.Med, "Art. 13/11 decision over 5 years or open",
            "883/2004 Art. 11, 13; 987/2009 Art. 14-16", ["Article", "period"], "review", c =>
            {
                var s = c.Sed;
                if (!(ArticleCodes.IsMultiState(s.Article) || ArticleCodes.IsOther(s.Article)) || s.Period is not { } p)
                {
                    return null;
                }
                return p.IsOpen ? Hit("Art. " + s.Article + " open from " + D(p.Start))
                    // Over 5 years, both end days counted (as the 24-month rule): the end falls on or after start + 5 years.
                    : p.End!.Value > p.Start.PlusYears(5).PlusDays(-1) ? Hit("Art. " + s.Article + " for " + I(p.Months) + " months")
                    : null;
            });

        yield return new ControlRule("PER-06", Severity.Med, "Issued long after the period started (retroactive)",
            "987/2009 Art. 15(1), 16", ["period", "Envelope.CreatedAt", "Envelope.ReceivedAt"], "review", c =>
            {
                var s = c.Sed;
                // An amending decision corrects an earlier one after the fact by nature; the original carries the flag.
                if (!s.IsDecision || RuleFacts.IsAmendment(s) || !s.Start.IsValid || s.IssueDate is not { } issued)
                {
                    return null;
                }
                var days = issued.DayNumber - s.Start.Value.DayNumber;
                return days > c.Options.RetroactiveDays ? Hit("issued " + D(issued) + ", " + I(days) + " days after the start " + D(s.Start.Value)) : null;
            });

        yield return new ControlRule("PER-07", Severity.Low, "A009 received after the posting ended",
            "987/2009 Art. 15(1)", ["SedType", "Decision.PeriodEnd", "Envelope.ReceivedAt"], "none", c =>
                c.Sed.SedType == "A009" && !RuleFacts.IsAmendment(c.Sed) && c.Sed.End.IsValid && c.Sed.Received.IsValid && c.Sed.Received.Value > c.Sed.End.Value
                    ? Hit("received " + D(c.Sed.Received.Value) + " after the end " + D(c.Sed.End.Value))
                    : null);
    }

    /// <summary>
    /// Postings of the same worker by the same employer to the same host that ended before this one
    /// started (Decision A2 point 3(c)): earlier SEDs in their current state, and the person's A1s.
    /// </summary>
    private static List<Period>? EarlierPostings(RuleContext c)
    {
        var s = c.Sed;
        if (!ArticleCodes.IsPosting(s.Article) || s.Period is not { IsInverted: false } p)
        {
            return null;
        }
        var employer = RuleFacts.MainEmployer(s);
        var key = RuleFacts.MainEmployerKey(s);
        var name = employer?.Name ?? Normalization.Names.NormalizedName.Empty;
        List<Period>? earlier = null;
        // A self-employed person's undertaking is the person: two Art. 12(2) postings without an employer are the same one.
        var selfEmployed = s.Article == "12.2" && key.Length == 0 && name.IsEmpty;
        foreach (var e in RuleFacts.OtherPostings(c))
        {
            if (e.Period!.Value.EffectiveEnd < p.Start && SameHost(s.WorkCountries, e.WorkCountries)
                && (RuleFacts.SameEmployer(key, name, e.EmployerKey, e.EmployerName) || (selfEmployed && e.Article == "12.2" && e.EmployerKey.Length == 0 && e.EmployerName.IsEmpty)))
            {
                (earlier ??= []).Add(e.Period.Value);
            }
        }
        foreach (var a in c.A1.PersonAccepted ? c.A1.PersonRecords : [])
        {
            if (ArticleCodes.IsPosting(a.Article) && a.Period is { IsOpen: false, IsInverted: false } ap && ap.EffectiveEnd < p.Start
                && (key.Length > 0 ? a.EmployerKey == key : selfEmployed && a.Article == "12.2") && !a.IsWithdrawn && (earlier is null || !earlier.Contains(ap)))
            {
                (earlier ??= []).Add(ap);
            }
        }
        return earlier;
    }

    private static bool SameHost(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return true;
        }
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Days between the previous period's end and the next start, when the next starts after it and under 2 months after it (<see cref="RuleFacts.WithinTwoMonths"/>).</summary>
    private static int? Gap(Period previous, Period next)
    {
        if (previous.End is not { } end || end >= next.Start || !RuleFacts.WithinTwoMonths(end, next.Start))
        {
            return null;
        }
        return next.Start.DayNumber - end.DayNumber - 1;
    }
}
