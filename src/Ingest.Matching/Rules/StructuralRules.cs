using Ingest.Core.Results;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>STR-01…STR-10: the SED's form, codes, dates and identity in the exchange.</summary>
internal static class StructuralRules
{
    private static readonly string[] s_cdm = ["4.1", "4.2", "4.3", "4.4"];

    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("STR-01", Severity.Block, "Payload fails the schema of its CDM version",
            "CDM 4.x XSD; 987/2009 Art. 4", ["CdmVersion", "Person.Sex", "names", "PINs", "dates"], "quarantine, X050 error to sender", c =>
            {
                var s = c.Sed;
                if ((s.IsASed || s.IsXSed) && Array.IndexOf(s_cdm, s.Sed.CdmVersion.Trim()) < 0)
                {
                    return Hit("unknown CDM version '" + s.Sed.CdmVersion + "'");
                }
                if (s.Sed.Person.Sex is { } sex && !string.IsNullOrWhiteSpace(sex) && sex.Trim() is not ("01" or "02" or "98"))
                {
                    return Hit("sex code '" + sex + "' not in 01/02/98");
                }
                if ((s.Sed.Person.FamilyName?.Length ?? 0) > 155 || (s.Sed.Person.Forename?.Length ?? 0) > 155)
                {
                    return Hit("name longer than 155 characters");
                }
                foreach (var p in s.Sed.Person.Pins)
                {
                    if ((p.Number?.Length ?? 0) > 65)
                    {
                        return Hit("PIN longer than 65 characters");
                    }
                }
                if (s.Person.BirthDay < 0 && DateNormalizer.Parse(s.Sed.Person.DateBirth).Status is DateStatus.Impossible or DateStatus.Unparseable)
                {
                    return Hit("dateBirth is not a date");
                }
                if (s.Start.Status is DateStatus.Impossible or DateStatus.Unparseable)
                {
                    return Hit("startDate is not a date");
                }
                if (s.End.Status is DateStatus.Impossible or DateStatus.Unparseable)
                {
                    return Hit("endDate is not a date");
                }
                return null;
            });

        yield return new ControlRule("STR-02", Severity.Low, "Not LA sector or unknown SED type",
            "EESSI business use cases (LA_BUC_01…06)", ["SedType", "Envelope.BucType"], "route to the competent sector", c =>
            {
                var s = c.Sed;
                if (!IsKnownType(s.SedType))
                {
                    return Hit("unknown SED type '" + s.Sed.SedType + "'");
                }
                var buc = s.Sed.Envelope.BucType.Trim();
                return buc.Length > 0 && !buc.StartsWith("LA_", StringComparison.OrdinalIgnoreCase) && !buc.StartsWith("H_", StringComparison.OrdinalIgnoreCase)
                    ? Hit("BUC '" + buc + "' is not of the LA sector")
                    : null;
            });

        yield return new ControlRule("STR-03", Severity.Block, "Legislation state, start date or article missing",
            "883/2004 Art. 11-16; CDM DecisionLegislationApplicable", ["Decision.LegislationState", "Decision.PeriodStart", "Article"], "quarantine, A005 request for information", c =>
            {
                var s = c.Sed;
                if (!s.IsDecision)
                {
                    return null;
                }
                var missing = new List<string>(3);
                if (string.IsNullOrWhiteSpace(s.Sed.Decision.LegislationState))
                {
                    missing.Add("legislation state");
                }
                if (string.IsNullOrWhiteSpace(s.Sed.Decision.PeriodStart))
                {
                    missing.Add("start date");
                }
                if (string.IsNullOrWhiteSpace(s.Sed.Article))
                {
                    missing.Add("article");
                }
                return missing.Count > 0 ? Hit("missing " + string.Join(", ", missing)) : null;
            });

        yield return new ControlRule("STR-04", Severity.Red, "Period ends before it starts",
            "987/2009 Art. 15, 19", ["Decision.PeriodStart", "Decision.PeriodEnd"], "A005 request for information", c =>
                c.Sed.Start.IsValid && c.Sed.End.IsValid && c.Sed.End.Value < c.Sed.Start.Value
                    ? Hit("end " + D(c.Sed.End.Value) + " before start " + D(c.Sed.Start.Value))
                    : null);

        yield return new ControlRule("STR-05", Severity.Med, "Start before the regulation applied between the states",
            "883/2004 Art. 87, 90-91; EEA from 2012-06-01, CH from 2012-04-01, HR from 2013-07-01", ["Decision.PeriodStart", "Decision.LegislationState", "sender"], "review: older instruments apply", c =>
            {
                var s = c.Sed;
                if (!s.Start.IsValid || !(s.IsDecision || s.SedType == "A001"))
                {
                    return null;
                }
                var other = s.State is not null and not "FR" ? s.State : s.SenderCountry;
                var fr = CountryNormalizer.CoordinationStart("FR")!.Value;
                var start = CountryNormalizer.CoordinationStart(other) is { } o && o > fr ? o : fr;
                return s.Start.Value < start ? Hit("start " + D(s.Start.Value) + " before " + D(start) + " (" + (other ?? "?") + ")") : null;
            });

        yield return new ControlRule("STR-06", Severity.Med, "Start more than a year ahead",
            "987/2009 Art. 15(1) (notification in advance)", ["Decision.PeriodStart", "Envelope.ReceivedAt"], "review", c =>
                c.Sed.Start.IsValid && c.Sed.Start.Value > c.Now.PlusYears(1) ? Hit("start " + D(c.Sed.Start.Value) + " more than a year after " + D(c.Now)) : null);

        yield return new ControlRule("STR-07", Severity.Med, "Sender institution malformed or not the case creator's country",
            "EESSI institution id (CC:ID)", ["Envelope.SenderInstitution", "case history"], "review the routing", c =>
            {
                var sender = c.Sed.Sed.Envelope.SenderInstitution.Trim();
                if (!IsInstitutionId(sender))
                {
                    return Hit("sender institution '" + sender + "' malformed");
                }
                if (!IsOpener(c.Sed.SedType))
                {
                    return null;
                }
                foreach (var e in c.CaseHistory)
                {
                    if (IsOpener(e.SedType) && e.SenderCountry is not null && c.Sed.SenderCountry is not null && e.SenderCountry != c.Sed.SenderCountry)
                    {
                        return Hit("case opened by " + e.SenderCountry + ", this " + c.Sed.SedType + " from " + c.Sed.SenderCountry);
                    }
                }
                return null;
            });

        yield return new ControlRule("STR-08", Severity.Low, "Same case, document and version already ingested",
            "idempotent ingestion", ["Envelope.CaseId", "Envelope.DocumentId", "Envelope.DocumentVersion"], "none (skipped)", c =>
                c.Duplicate ? Hit("case " + c.Sed.Sed.Envelope.CaseId + " document " + c.Sed.Sed.Envelope.DocumentId + " v" + I(c.Sed.Sed.Envelope.DocumentVersion) + " seen before") : null);

        yield return new ControlRule("STR-09", Severity.Med, "X-SED with no A-SED in its case",
            "EESSI horizontal BUCs", ["SedType", "case history"], "wait, then X009 reminder", c =>
            {
                if (!c.Sed.IsXSed)
                {
                    return null;
                }
                foreach (var e in c.CaseHistory)
                {
                    if (e.SedType.StartsWith('A'))
                    {
                        return null;
                    }
                }
                return Hit(c.Sed.SedType + " in case " + c.Sed.Sed.Envelope.CaseId + " without an A-SED");
            });

        yield return new ControlRule("STR-10", Severity.Low, "Placeholder or test values",
            "data quality", ["Person names", "PINs", "Person.DateBirth"], "none (exclude from statistics)", c =>
            {
                var p = c.Sed.Person;
                if (RuleFacts.IsPlaceholderName(p.Name))
                {
                    return Hit("placeholder name '" + p.Name.Key + "'");
                }
                foreach (var pin in c.Sed.Pins)
                {
                    if (pin.Value.Length > 0 && (pin.Value.Length == 1 || AllSame(pin.Value) || pin.Value is "123456789" or "1234567890"))
                    {
                        return Hit("placeholder PIN '" + pin.Value + "'");
                    }
                }
                if (p.BirthDate is { } b && (b == new DateOnly(1970, 1, 1) || b == new DateOnly(2038, 1, 19) || b == new DateOnly(1900, 1, 1)))
                {
                    return Hit("placeholder birth date " + D(b));
                }
                return null;
            });
    }

    private static bool IsOpener(string type) => type is "A001" or "A003" or "A008" or "A009" or "A010";

    private static bool AllSame(string s)
    {
        foreach (var ch in s)
        {
            if (ch != s[0])
            {
                return false;
            }
        }
        return s.Length > 3;
    }

    /// <summary>A001…A012, X001…X013, X050, X100, H001…H199.</summary>
    private static bool IsKnownType(string t)
    {
        if (t.Length != 4 || !char.IsAsciiDigit(t[1]) || !char.IsAsciiDigit(t[2]) || !char.IsAsciiDigit(t[3]))
        {
            return false;
        }
        var n = (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
        return t[0] switch
        {
            'A' => n is >= 1 and <= 12,
            'X' => n is >= 1 and <= 13 or 50 or 100,
            'H' => n is >= 1 and <= 199,
            _ => false,
        };
    }

    /// <summary>"CC:ID" with a known country (or EU) and 4-10 letters or digits.</summary>
    private static bool IsInstitutionId(string s)
    {
        if (s.Length is < 7 or > 13 || s[2] != ':')
        {
            return false;
        }
        for (var i = 3; i < s.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(s[i]))
            {
                return false;
            }
        }
        var cc = s.AsSpan(0, 2);
        return cc.SequenceEqual("EU") || (char.IsAsciiLetterUpper(cc[0]) && char.IsAsciiLetterUpper(cc[1]) && CountryNormalizer.Normalize(cc.ToString()) is not null);
    }
}
