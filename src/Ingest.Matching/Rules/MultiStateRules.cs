using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>A13-01…A13-06: multi-state activity and exceptions.</summary>
internal static class MultiStateRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("A13-01", Severity.Med, "Marginal activity drives the determination",
            "987/2009 Art. 14(5b)", ["Article", "employers (marginal flag)", "Decision.LegislationState"], "A004 disagreement", c =>
            {
                if (!ArticleCodes.IsMultiState(c.Sed.Article))
                {
                    return null;
                }
                foreach (var e in c.Sed.Employers)
                {
                    // The employer in the designated state is the activity the determination rests on; a marginal
                    // employer listed under "other states" does not drive it, wherever it is seated.
                    if (e.Marginal && e.Role == EmployerRole.Employer)
                    {
                        return Hit("marginal activity " + (e.Country is { } ec ? "in " + ec + " " : "") + "decides the legislation");
                    }
                }
                return null;
            });

        yield return new ControlRule("A13-02", Severity.Red, "Resident in France working in France, another state designated under 13(1)(b)",
            "883/2004 Art. 13(1)(a); 987/2009 Art. 14(8) (25 %)", ["Article", "residence address", "work countries", "Decision.LegislationState"], "A004 disagreement", c =>
                c.Sed.Article.StartsWith("13.1.b", StringComparison.Ordinal) && c.Sed.ResidenceCountry == "FR"
                && Array.IndexOf(c.Sed.WorkCountries, "FR") >= 0 && c.Sed.State is { } st && st != "FR"
                    ? Hit("resides and works in France, " + st + " designated")
                    : null);

        yield return new ControlRule("A13-03", Severity.Red, "Foreign employer with habitual activity in France claims Art. 12 or 13",
            "883/2004 Art. 12-13; Code du travail L1262-3", ["employers", "declarations by employer"], "labour inspection follow-up", c =>
            {
                var s = c.Sed;
                if (!(ArticleCodes.IsPosting(s.Article) || ArticleCodes.IsMultiState(s.Article)) || RuleFacts.MainEmployerKey(s) is not { Length: > 0 } key || key.StartsWith("FR:", StringComparison.Ordinal))
                {
                    return null;
                }
                var reason = c.Snapshot.EmployerFindings.GetOrAdd(KeyHash.Of('E', key), static (hash, t) => HabitualActivity(t.Key, hash, t.Snapshot), (Key: key, c.Snapshot));
                return reason is null ? null : Hit(reason);
            });

        yield return new ControlRule("A13-04", Severity.Med, "Art. 13 without a plausible 12-month pattern",
            "987/2009 Art. 14(10)", ["Article", "period"], "A005 request for information", c =>
                ArticleCodes.IsMultiState(c.Sed.Article) && c.Sed.Period is { End: { } end } p && !p.IsInverted && end < p.Start.PlusMonths(12).PlusDays(-1)
                    ? Hit("Art. " + c.Sed.Article + " for " + I(p.Days) + " days only")
                    : null);

        yield return new ControlRule("A13-05", Severity.Med, "Telework framework agreement claimed with the employer seated elsewhere",
            "Framework Agreement on cross-border telework (2023); 883/2004 Art. 16", ["SedType", "A001 telework flag", "employers", "requested legislation"], "review", c =>
            {
                var s = c.Sed;
                if (s.SedType != "A001" || s.Sed.Exception?.TeleworkFrameworkAgreement?.Trim() != "1")
                {
                    return null;
                }
                var requested = s.Sed.Exception.RequestedLegislation.Count > 0 ? CountryNormalizer.Normalize(s.Sed.Exception.RequestedLegislation[0]) : s.State;
                return RuleFacts.MainEmployer(s)?.Country is { } seat && requested is not null && seat != requested
                    ? Hit("telework agreement, employer seated in " + seat + ", " + requested + " requested")
                    : null;
            });

        yield return new ControlRule("A13-06", Severity.Red, "Beyond the period accepted under Art. 16",
            "883/2004 Art. 16", ["period", "A1s (Art. 16)"], "A005 request for information", c =>
            {
                if (c.Sed.Period is not { } p || !c.A1.PersonAccepted)
                {
                    return null;
                }
                foreach (var a in c.A1.PersonRecords)
                {
                    if (RuleFacts.IsArticle16(a.Article) && a.Period is { End: { } ae } ap && ap.Overlaps(p) && p.EffectiveEnd > ae)
                    {
                        return Hit("Art. 16 A1 " + a.TargetId + " ends " + D(ae) + ", period runs to " + D(p.End));
                    }
                }
                return null;
            });
    }

    /// <summary>
    /// Habitual activity: the employer keeps posting workers to the same French client without a
    /// break of two months for two years or more (a stable establishment, not a temporary service).
    /// Many workers on many clients over the years is ordinary posting and does not count.
    /// </summary>
    private static string? HabitualActivity(string key, ulong keyHash, ReferenceSnapshot snapshot)
    {
        var declarations = snapshot.DeclarationByEmployer.All(keyHash);
        if (declarations.Length < 3)
        {
            // A chain needs three postings to one client: most employers have not declared that many.
            return null;
        }
        var byClient = new Dictionary<string, List<Period>>(StringComparer.Ordinal);
        foreach (var id in declarations)
        {
            if (snapshot.Declarations[id] is { IsCancelled: false, ClientKey.Length: > 0, Period: { IsOpen: false } p } d)
            {
                if (!byClient.TryGetValue(d.ClientKey, out var list))
                {
                    byClient[d.ClientKey] = list = [];
                }
                list.Add(p);
            }
        }
        foreach (var (client, periods) in byClient)
        {
            if (periods.Count < 3)
            {
                continue;
            }
            var (start, end, count) = RuleFacts.LongestChain(periods);
            if (count >= 3 && RuleFacts.Over24Months(start, end))
            {
                return "employer " + key + " present continuously at client " + client + " " + D(start) + ".." + D(end) + " (" + I(count) + " postings)";
            }
        }
        return null;
    }
}
