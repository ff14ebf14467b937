using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>
/// POST-01…POST-14: the SED against the A1s and the posting declarations. A declaration's own findings
/// (hire date, length, substitution) are reported on the posting decision (A009) it is compared with,
/// not again on every reply, reminder or change notice of the case.
/// </summary>
internal static class PostingRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("POST-01", Severity.Med, "Posting to France with no matching declaration",
            "Code du travail L1262-2-1 (SIPSI declaration)", ["SedType", "Article", "work countries", "declaration match"], "labour inspection follow-up", c =>
            {
                var s = c.Sed;
                if (s.SedType != "A009" || s.Article != "12.1" || !RuleFacts.HostIsFrance(s) || c.MatchedDeclaration is not null || s.Period is not { } p)
                {
                    return null;
                }
                var started = c.Now.DayNumber - p.Start.DayNumber;
                return started > 30
                    ? new Finding("posting since " + D(p.Start) + " (" + I(started) + " days) without a declaration", Severity.Red)
                    : Hit("posting from " + D(p.Start) + " not yet declared");
            }, Severity.Red);

        yield return new ControlRule("POST-03", Severity.Red, "Declared days outside the A009 period",
            "883/2004 Art. 12; Code du travail L1262-2-1", ["period", "matched declaration"], "labour inspection follow-up", c =>
            {
                // A008 changes or A003 decisions carry other periods; the declaration is checked against the posting decision only.
                // An inverted period (STR-04) covers no day: every declared day lies outside it.
                if (c.Sed.SedType != "A009" || c.MatchedDeclaration is not { Period: { } dp } d || c.Sed.Period is not { } p || p.Contains(dp))
                {
                    return null;
                }
                return Hit("declaration " + d.TargetId + " " + P(dp) + " outside " + P(p));
            });

        yield return new ControlRule("POST-04", Severity.Red, "Declaring employer differs from the A009 employer",
            "883/2004 Art. 12(1) (same employer)", ["employers", "matched declaration"], "A005 request for information", c =>
            {
                if (c.Sed.SedType != "A009" || c.MatchedDeclaration is not { } d || RuleFacts.MainEmployer(c.Sed) is not { } e)
                {
                    return null;
                }
                if (e.IdKeys.Length > 0 && d.EmployerKey.Length > 0)
                {
                    return Array.IndexOf(e.IdKeys, d.EmployerKey) >= 0 ? null : Hit("employer id " + e.IdKeys[0] + " vs declared " + d.EmployerKey);
                }
                var declared = NameNormalizer.Normalize(d.EmployerName);
                var score = Scoring.NameSimilarity.Score(e.Name, declared);
                if (!e.Name.IsEmpty && !declared.IsEmpty && score < 0.8)
                {
                    return Hit("employer '" + e.Name.Key + "' vs declared '" + declared.Key + "' (" + N(score) + ")");
                }
                return e.Country is { } ec && d.EmployerCountry is { } dc && ec != dc ? Hit("employer country " + ec + " vs declared " + dc) : null;
            });

        yield return new ControlRule("POST-05", Severity.Red, "Substitution: successive posted workers on one client over 24 months",
            "883/2004 Art. 12(1) (not replacing another posted person)", ["matched declaration", "declarations by client"], "labour inspection follow-up", c =>
            {
                if (c.Sed.SedType != "A009" || c.MatchedDeclaration is not { ClientKey.Length: > 0, Period.IsOpen: false } d)
                {
                    return null;
                }
                var reason = c.Snapshot.DeclarationFindings.GetOrAdd(d, static (declaration, snapshot) => Relay(snapshot, declaration), c.Snapshot);
                return reason is null ? null : Hit(reason);
            });

        yield return new ControlRule("POST-06", Severity.Red, "Same person posted by several employers over overlapping periods",
            "883/2004 Art. 12, 13", ["employers", "period", "run history", "declarations of the person"], "A005 request for information", c =>
            {
                var s = c.Sed;
                if (!ArticleCodes.IsPosting(s.Article) || s.Period is not { } p)
                {
                    return null;
                }
                var key = RuleFacts.MainEmployerKey(s);
                var name = RuleFacts.MainEmployer(s)?.Name ?? NormalizedName.Empty;
                foreach (var e in RuleFacts.OtherPostings(c))
                {
                    if (e.Period!.Value.Overlaps(p) && !RuleFacts.SameEmployer(key, name, e.EmployerKey, e.EmployerName) && (key.Length > 0 || !name.IsEmpty))
                    {
                        return Hit("also posted by " + (e.EmployerKey.Length > 0 ? e.EmployerKey : e.EmployerName.Key) + " " + P(e.Period.Value));
                    }
                }
                // Another state's A1 posting the worker for another employer; a local A1 in conflict is LEG-01's finding.
                var local = RuleFacts.LocalState(s);
                foreach (var a in c.A1.PersonAccepted ? c.A1.PersonRecords : [])
                {
                    if (ArticleCodes.IsPosting(a.Article) && a.IssuerCountry != local && !a.IsWithdrawn && a.Period is { } ap && ap.Overlaps(p)
                        && key.Length > 0 && a.EmployerKey.Length > 0 && a.EmployerKey != key)
                    {
                        return Hit("A1 " + a.TargetId + " posts the worker for " + a.EmployerKey + " " + P(ap) + " while posted by " + key);
                    }
                }
                // The declaration of this very posting filed by another employer is POST-04's finding, not a second posting.
                foreach (var d in c.Declaration.PersonAccepted ? c.Declaration.PersonRecords : [])
                {
                    if (d != c.MatchedDeclaration && !d.IsCancelled && d.Period is { } dp && dp.Overlaps(p) && key.Length > 0 && d.EmployerKey.Length > 0 && d.EmployerKey != key)
                    {
                        return Hit("declared by " + d.EmployerKey + " " + P(dp) + " while posted by " + key);
                    }
                }
                return null;
            });

        yield return new ControlRule("POST-07", Severity.Red, "Posting employer without substantial activity at home",
            "883/2004 Art. 12(1); 987/2009 Art. 14(2); Decision A2 point 1", ["SedType", "employers (seat address)"], "A005 request for information", c =>
            {
                // Of DOMAIN's proxies (recent registration, postings mostly to France, few home staff, a
                // domiciliation address), the SED shows the seat: a company domiciled at a business centre
                // or "care of" another has no premises of its own in the sending state.
                if (c.Sed.SedType != "A009" || RuleFacts.MainEmployer(c.Sed) is not { } employer || c.Sed.Sed.Employers.Find(e => e.Role == Core.Seds.EmployerRole.Employer)?.Address is not { } seat
                    || RuleFacts.Domiciliation(seat) is not { } marker)
                {
                    return null;
                }
                return Hit("employer '" + employer.Name.Key + "' seated at a domiciliation address ('" + marker + "')");
            });

        yield return new ControlRule("POST-08", Severity.Med, "Hired less than 1 month before the posting",
            "Decision A2 point 1 (prior employment relationship)", ["matched declaration (hire date)", "period"], "A005 request for information", c =>
            {
                if (c.Sed.SedType != "A009" || c.MatchedDeclaration is not { HireDate: { } hire } d || d.Period is not { } dp)
                {
                    return null;
                }
                return hire > dp.Start.PlusMonths(-1) ? Hit("hired " + D(hire) + ", posted from " + D(dp.Start)) : null;
            });

        yield return new ControlRule("POST-11", Severity.Med, "Third-country worker recruited just before the posting",
            "883/2004 Art. 12; Reg. 1231/2010", ["nationalities", "matched declaration (hire date)"], "A005 request for information", c =>
            {
                if (c.Sed.SedType != "A009" || !RuleFacts.ThirdCountryNational(c.Sed) || c.MatchedDeclaration is not { HireDate: { } hire } d || d.Period is not { } dp)
                {
                    return null;
                }
                // "Just before" uses POST-08's one-month threshold (Decision A2 point 1); the XML carries no insurance history.
                return hire > dp.Start.PlusMonths(-1) ? Hit("third-country national hired " + D(hire) + " for a posting from " + D(dp.Start)) : null;
            });

        yield return new ControlRule("POST-12", Severity.Med, "Declaration over 12 months without an extension notice",
            "Code du travail L1262-4 (long-term posting)", ["matched declaration"], "labour inspection follow-up", c =>
                c.Sed.SedType == "A009" && c.MatchedDeclaration is { Period: { End: { } end } dp } d && end > dp.Start.PlusMonths(12).PlusDays(-1) && d.Version <= 1
                    ? Hit("declaration " + d.TargetId + " " + P(dp) + " without an amendment")
                    : null);

        yield return new ControlRule("POST-13", Severity.Low, "France not among the A009's work countries, or several host states",
            "883/2004 Art. 12", ["SedType", "work countries"], "none / review", c =>
            {
                var s = c.Sed;
                if (s.SedType != "A009" || s.WorkCountries.Length == 0)
                {
                    return null;
                }
                return s.WorkCountries.Length > 1 ? new Finding("several host states: " + string.Join("/", s.WorkCountries), Severity.Med)
                    : s.WorkCountries[0] != "FR" ? Hit("work country " + s.WorkCountries[0] + ", not France")
                    : null;
            }, escalatesTo: Severity.Med);

        yield return new ControlRule("POST-14", Severity.Red, "Posted worker resides in France",
            "883/2004 Art. 12 (temporary work abroad); Art. 13 if habitual", ["SedType", "residence address", "work countries"], "A005 request for information", c =>
                c.Sed.SedType == "A009" && c.Sed.ResidenceCountry == "FR" && RuleFacts.HostIsFrance(c.Sed) ? Hit("resides in France and works in France") : null);
    }

    /// <summary>
    /// Substitution is a relay: each worker starts within a week after the previous one left.
    /// Parallel workers on a large site are not a relay and are not chained.
    /// </summary>
    private static string? Relay(ReferenceSnapshot snapshot, IndexedDeclaration d)
    {
        var all = snapshot.DeclarationByClient.All(KeyHash.Of('C', d.ClientKey));
        if (all.Length < 2 || d.Period is not { } dp)
        {
            return null;
        }
        var start = dp.Start;
        var end = dp.EffectiveEnd;
        var count = 1;
        for (var extended = true; extended;)
        {
            extended = false;
            foreach (var id in all)
            {
                var o = snapshot.Declarations[id];
                if (o.IsCancelled || o.PersonHash == d.PersonHash || o.Period is not { IsOpen: false } op)
                {
                    continue;
                }
                var before = start.DayNumber - op.EffectiveEnd.DayNumber;
                var after = op.Start.DayNumber - end.DayNumber;
                if (before is >= 1 and <= 8)
                {
                    start = op.Start;
                    count++;
                    extended = true;
                }
                else if (after is >= 1 and <= 8)
                {
                    end = op.EffectiveEnd;
                    count++;
                    extended = true;
                }
            }
        }
        return count >= 2 && RuleFacts.Over24Months(start, end)
            ? I(count) + " successive posted workers for client " + d.ClientKey + " " + D(start) + ".." + D(end)
            : null;
    }
}
