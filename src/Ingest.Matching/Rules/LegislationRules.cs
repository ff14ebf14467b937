using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Matching.Features;
using Ingest.Normalization.Countries;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>LEG-01…LEG-14: which state's legislation applies, and whether the claims agree.</summary>
internal static class LegislationRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("LEG-01", Severity.Red, "Incoming SED conflicts with a local A1",
            "883/2004 Art. 11(1) (single legislation); 987/2009 Art. 5-6", ["Decision.LegislationState", "period", "matched A1"], "A005 request for information; 987 Art. 6 dialogue", c =>
            {
                var s = c.Sed;
                if (!s.IsDecision || s.State is null || s.Period is not { } p)
                {
                    return null;
                }
                // Local: issued by the receiving state itself. Another state's A1 is a second incoming claim (LEG-02).
                var local = RuleFacts.LocalState(s);
                foreach (var a in c.A1.PersonAccepted ? c.A1.PersonRecords : [])
                {
                    if (a.IssuerCountry == local && a.State is not null && a.State != s.State && !a.IsWithdrawn && a.Period is { } ap && ap.Overlaps(p))
                    {
                        return Hit(s.State + " claimed " + P(p) + ", local A1 " + a.TargetId + " says " + a.State + " " + P(ap));
                    }
                }
                return null;
            });

        yield return new ControlRule("LEG-02", Severity.Red, "Two incoming SEDs from different states claim different legislations",
            "883/2004 Art. 11(1); 987/2009 Art. 6", ["Decision.LegislationState", "period", "sender", "run history"], "987 Art. 6 dialogue between institutions", c =>
            {
                var s = c.Sed;
                if (!s.IsDecision || s.State is null || s.Period is not { } p)
                {
                    return null;
                }
                foreach (var e in c.PersonHistory)
                {
                    if (!e.Invalidated && !e.Superseded && e.State is not null && e.State != s.State && e.SenderCountry != s.SenderCountry
                        && e.Period is { } ep && ep.Overlaps(p) && e.IsDecision)
                    {
                        return Hit(s.SenderCountry + " says " + s.State + ", " + e.SenderCountry + " said " + e.State + " (" + e.SedType + " case " + e.CaseId + ")");
                    }
                }
                // An A1 another state issued is its claim too, held before its SED arrives.
                var local = RuleFacts.LocalState(s);
                foreach (var a in c.A1.PersonAccepted ? c.A1.PersonRecords : [])
                {
                    if (a.IssuerCountry is { } issuer && issuer != local && issuer != s.SenderCountry && a.State is not null && a.State != s.State
                        && !a.IsWithdrawn && a.Period is { } ap && ap.Overlaps(p))
                    {
                        return Hit(s.SenderCountry + " says " + s.State + ", " + issuer + " A1 " + a.TargetId + " says " + a.State + " " + P(ap));
                    }
                }
                return null;
            });

        yield return new ControlRule("LEG-03", Severity.Red, "Declared by a local employer while another state claims the legislation",
            "883/2004 Art. 11(3)(a)", ["Decision.LegislationState", "period", "A1s with a French employer"], "A005 request for information", c =>
            {
                var s = c.Sed;
                if (!s.IsDecision || s.State is null or "FR" || s.Period is not { } p)
                {
                    return null;
                }
                foreach (var a in c.A1.PersonAccepted ? c.A1.PersonRecords : [])
                {
                    if (a.EmployerCountry == "FR" && a.State == "FR" && !a.IsWithdrawn && a.Period is { } ap && ap.Overlaps(p))
                    {
                        return Hit("employed by French employer " + (a.EmployerName ?? a.EmployerKey) + " on " + P(ap) + ", " + s.State + " claimed");
                    }
                }
                return null;
            });

        yield return new ControlRule("LEG-04", Severity.Red, "A009 designating another state than the sender's, or France",
            "883/2004 Art. 12 (sending state's legislation)", ["SedType", "Decision.LegislationState", "Envelope.SenderInstitution"], "A005 request for information", c =>
            {
                var s = c.Sed;
                if (s.SedType != "A009" || s.State is null)
                {
                    return null;
                }
                return s.State == "FR" ? Hit("A009 designates France, the host state")
                    : s.SenderCountry is not null && s.State != s.SenderCountry ? Hit("A009 from " + s.SenderCountry + " designates " + s.State)
                    : null;
            });

        yield return new ControlRule("LEG-05", Severity.Med, "A003 designating France with no local A1",
            "883/2004 Art. 13; 987/2009 Art. 16(2)", ["SedType", "Decision.LegislationState", "A1 match"], "register the affiliation or contest (A004)", c =>
                c.Sed.SedType == "A003" && c.Sed.State == "FR" && !c.A1.PersonAccepted ? Hit("France designated, no local A1 for the person") : null);

        yield return new ControlRule("LEG-06", Severity.Low, "A003 provisional: 2-month contest window",
            "987/2009 Art. 16(3)-(4)", ["SedType", "Envelope.CreatedAt"], "contest with A004 before the deadline if needed", c =>
            {
                if (c.Sed.SedType != "A003")
                {
                    return null;
                }
                var from = c.Sed.IssueDate ?? c.Now;
                return Hit("provisional until " + D(from.PlusMonths(2)) + " unless contested");
            });

        yield return new ControlRule("LEG-07", Severity.Med, "Transitional article (87(8), 87a)",
            "883/2004 Art. 87(8), 87a", ["Article"], "review", c =>
                ArticleCodes.IsTransitional(c.Sed.Article) ? Hit("transitional article " + c.Sed.Article) : null);

        yield return new ControlRule("LEG-08", Severity.Med, "Art. 12(2) without self-employment, or 12(1) with only self-employment",
            "883/2004 Art. 12(1)-(2)", ["Article", "employers", "self-employment"], "A005 request for information", c =>
            {
                var s = c.Sed;
                var self = RuleFacts.HasSelfEmployment(s);
                var employed = RuleFacts.MainEmployer(s) is not null;
                return s.Article == "12.2" && !self ? Hit("Art. 12(2) without a self-employment block")
                    : s.Article == "12.1" && self && !employed ? Hit("Art. 12(1) with only self-employment")
                    : null;
            });

        yield return new ControlRule("LEG-09", Severity.Red, "Art. 13 with fewer than two work countries",
            "883/2004 Art. 13", ["Article", "work countries"], "A005 request for information", c =>
                ArticleCodes.IsMultiState(c.Sed.Article) && c.Sed.WorkCountries.Length < 2
                    ? Hit("Art. " + c.Sed.Article + " with " + I(c.Sed.WorkCountries.Length) + " work country")
                    : null);

        yield return new ControlRule("LEG-10", Severity.Red, "Art. 13(1)(a) but residence is not the designated state",
            "883/2004 Art. 13(1)(a)", ["Article", "residence address", "Decision.LegislationState"], "A004 disagreement", c =>
                c.Sed.Article == "13.1.a" && c.Sed.ResidenceCountry is { } r && c.Sed.State is { } st && r != st
                    ? Hit("resides in " + r + ", " + st + " designated")
                    : null);

        yield return new ControlRule("LEG-11", Severity.Med, "Art. 13(1)(b)(i) but the employer's seat is not the designated state",
            "883/2004 Art. 13(1)(b)(i)", ["Article", "employer address", "Decision.LegislationState"], "A005 request for information", c =>
                c.Sed.Article == "13.1.b.i" && RuleFacts.MainEmployer(c.Sed)?.Country is { } e && c.Sed.State is { } st && e != st
                    ? Hit("employer seated in " + e + ", " + st + " designated")
                    : null);

        yield return new ControlRule("LEG-12", Severity.Med, "Place of work outside the EU, EEA and Switzerland",
            "883/2004 Art. 2; Reg. 1231/2010", ["work countries"], "review the applicable instrument", c =>
            {
                foreach (var w in c.Sed.WorkCountries)
                {
                    if (!CountryNormalizer.IsCoordinated(w))
                    {
                        return Hit("work in " + w);
                    }
                }
                return null;
            });

        yield return new ControlRule("LEG-13", Severity.Red, "Employed in one state, self-employed in another, designated is not the employed activity's",
            "883/2004 Art. 13(3)", ["employers", "self-employment", "Decision.LegislationState"], "A004 disagreement", c =>
            {
                var s = c.Sed;
                var employer = RuleFacts.MainEmployer(s);
                if (employer?.Country is not { } employed || s.State is null)
                {
                    return null;
                }
                foreach (var e in s.Employers)
                {
                    if (e.Role == EmployerRole.SelfEmployment && e.Country is { } self && self != employed && s.State != employed)
                    {
                        return Hit("employed in " + employed + ", self-employed in " + self + ", " + s.State + " designated");
                    }
                }
                return null;
            });

        yield return new ControlRule("LEG-14", Severity.Med, "Civil servant with another activity, designated is not the administration's state",
            "883/2004 Art. 13(4)", ["Article", "employers", "Decision.LegislationState"], "A004 disagreement", c =>
                c.Sed.Article == "13.4" && RuleFacts.MainEmployer(c.Sed)?.Country is { } admin && c.Sed.State is { } st && st != admin && c.Sed.Employers.Length > 1
                    ? Hit("administration in " + admin + ", " + st + " designated")
                    : null);
    }
}
