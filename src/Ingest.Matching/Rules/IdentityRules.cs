using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Scoring;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>ID-01…ID-10: who the SED is about, and whether the reference data agree.</summary>
internal static class IdentityRules
{
    private static readonly string[] s_nonEuCoordination = ["IS", "LI", "NO", "CH", "DK", "GB"];

    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("ID-01", Severity.Med, "No usable PIN: matched on names, birth date, sex and nationality",
            "987/2009 Art. 2-3 (data exchange)", ["PINs", "names", "Person.DateBirth", "Person.Sex", "nationalities", "A1/declaration indexes"], "review the identification", c =>
            {
                // A decision binds a person: without a PIN its identification rests on the names alone,
                // whether or not they found someone in the register.
                if (!c.Sed.IsDecision || !c.Sed.HasPerson || c.Sed.Person.PinKeys.Length > 0)
                {
                    return null;
                }
                var (score, target) = c.A1.PersonAccepted ? (c.A1.Person.Score, "A1") : c.Declaration.PersonAccepted ? (c.Declaration.Person.Score, "declaration") : (0, "");
                return Hit(target.Length > 0 ? "no usable PIN; " + target + " matched on name and birth date, score " + N(score) : "no usable PIN and no person matched on name and birth date");
            });

        yield return new ControlRule("ID-02", Severity.Med, "Zero or several candidate persons",
            "987/2009 Art. 3", ["names", "Person.DateBirth", "PINs", "A1/declaration indexes"], "A005 request for information", c =>
            {
                if (c.A1.Ambiguous || c.Declaration.Ambiguous)
                {
                    return Hit("several candidate persons score alike");
                }
                return c.Sed.IsDecision && c.Sed.HasPerson && c.A1.CandidateCount == 0 && c.Declaration.CandidateCount == 0
                    ? Hit("no candidate person in the A1s or the declarations")
                    : null;
            });

        yield return new ControlRule("ID-03", Severity.Red, "Birth date differs from the reference",
            "987/2009 Art. 3", ["Person.DateBirth", "PINs", "matched A1/declaration"], "A005 request for information", c =>
            {
                foreach (var (person, features) in Identified(c))
                {
                    if ((person.PinExact || person.NeedsCorroboration) && person.BirthDate is DateAgreement.Different or DateAgreement.OneComponent or DateAgreement.DayMonthSwapped)
                    {
                        return Hit("birth date " + D(c.Sed.Person.BirthDate) + " vs " + D(features.BirthDate) + " on record for the same "
                            + (person.PinExact ? "PIN" : "posting (employer and period)"));
                    }
                }
                return null;
            });

        yield return new ControlRule("ID-04", Severity.Med, "Sex differs from the reference",
            "987/2009 Art. 3", ["Person.Sex", "matched A1/declaration"], "review", c =>
            {
                foreach (var (person, _) in Identified(c))
                {
                    if (person.Sex < 0)
                    {
                        return Hit("sex " + c.Sed.Person.Sex + " differs from the record");
                    }
                }
                return null;
            });

        yield return new ControlRule("ID-05", Severity.Med, "Nationalities do not overlap",
            "883/2004 Art. 2", ["nationalities", "matched A1/declaration"], "review", c =>
            {
                foreach (var (person, features) in Identified(c))
                {
                    if (person.Nationality < 0)
                    {
                        return Hit("nationality " + string.Join("/", c.Sed.Person.Nationalities) + " vs " + string.Join("/", features.Nationalities));
                    }
                }
                return null;
            });

        yield return new ControlRule("ID-06", Severity.Med, "Name differs for an otherwise identified person",
            "987/2009 Art. 3", ["names", "PINs", "matched A1/declaration"], "review", c =>
            {
                foreach (var (person, features) in Identified(c))
                {
                    if (person.PinExact && person.Name < c.Options.NameMismatchThreshold)
                    {
                        return Hit("name '" + c.Sed.Person.Name.Key + "' vs '" + features.Name.Key + "' (" + N(person.Name) + ") for the same PIN");
                    }
                }
                return null;
            });

        yield return new ControlRule("ID-07", Severity.Red, "PIN of the sending country differs from the one on record",
            "987/2009 Art. 3", ["PINs", "Envelope.SenderInstitution", "matched A1/declaration"], "A005 request for information", c =>
            {
                var sender = c.Sed.SenderCountry;
                if (sender is null)
                {
                    return null;
                }
                var prefix = sender + ":";
                string? sent = null;
                foreach (var k in c.Sed.Person.PinKeys)
                {
                    if (k.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        sent = k;
                    }
                }
                if (sent is null)
                {
                    return null;
                }
                foreach (var (person, features) in Identified(c))
                {
                    if (person.PinExact)
                    {
                        continue;
                    }
                    foreach (var k in features.PinKeys)
                    {
                        if (k.StartsWith(prefix, StringComparison.Ordinal) && k != sent && !PinDistance.IsNear(k, sent))
                        {
                            return Hit("PIN " + sent + " vs " + k + " on record");
                        }
                    }
                }
                return null;
            });

        yield return new ControlRule("ID-09", Severity.Med, "Third-country national where coordination does not extend to them",
            "Reg. 1231/2010 (not EEA, CH, DK)", ["nationalities", "Envelope.SenderInstitution", "Decision.LegislationState"], "review the applicable instrument", c =>
            {
                if (!RuleFacts.ThirdCountryNational(c.Sed))
                {
                    return null;
                }
                var where = Array.IndexOf(s_nonEuCoordination, c.Sed.SenderCountry) >= 0 ? c.Sed.SenderCountry
                    : Array.IndexOf(s_nonEuCoordination, c.Sed.State) >= 0 ? c.Sed.State : null;
                return where is null ? null : Hit("third-country national (" + string.Join("/", c.Sed.Person.Nationalities) + ") with " + where);
            });

        yield return new ControlRule("ID-10", Severity.Red, "One PIN used with different names and birth dates",
            "987/2009 Art. 3", ["PINs", "names", "Person.DateBirth", "A1/declaration indexes", "run history"], "A005 request for information", c =>
            {
                var me = c.Sed.Person;
                if (me.PinKeys.Length == 0 || me.BirthDay < 0)
                {
                    return null;
                }
                foreach (var pin in me.PinKeys)
                {
                    var key = KeyHash.Of('P', pin);
                    foreach (var id in c.Snapshot.A1ByPin.Lookup(key))
                    {
                        if (MaybeOther(me, c.Snapshot.A1Cards, id) && Other(me, c.Snapshot.A1s[id].Person))
                        {
                            return Hit("PIN " + pin + " also on A1 " + c.Snapshot.A1s[id].TargetId + " for '" + c.Snapshot.A1s[id].Person.Name.Key + "'");
                        }
                    }
                    foreach (var id in c.Snapshot.DeclarationByPin.Lookup(key))
                    {
                        if (MaybeOther(me, c.Snapshot.DeclarationCards, id) && Other(me, c.Snapshot.Declarations[id].Person))
                        {
                            return Hit("PIN " + pin + " also on declaration " + c.Snapshot.Declarations[id].TargetId + " for '" + c.Snapshot.Declarations[id].Person.Name.Key + "'");
                        }
                    }
                }
                foreach (var e in c.PersonHistory)
                {
                    if (e.BirthDay >= 0 && e.BirthDay != me.BirthDay && NameSimilarity.Score(me.Name, e.Name) < PersonComparer.NameGate && Array.Exists(e.PinKeys, k => Array.IndexOf(me.PinKeys, k) >= 0))
                    {
                        return Hit("PIN also sent for '" + e.Name.Key + "' in case " + e.CaseId);
                    }
                }
                return null;
            });
    }

    /// <summary>The persons both targets accepted; a struct enumerable, since two rules ask for every SED.</summary>
    private static IdentifiedPersons Identified(RuleContext c) => new(c);

    private readonly struct IdentifiedPersons(RuleContext c)
    {
        public Enumerator GetEnumerator() => new(c);

        public struct Enumerator(RuleContext c)
        {
            private int _step;

            public (PersonScore Person, PersonFeatures Features) Current { get; private set; }

            public bool MoveNext()
            {
                if (_step == 0)
                {
                    _step = 1;
                    if (c.A1.PersonAccepted && c.A1.PersonRecords.Count > 0)
                    {
                        Current = (c.A1.Person, (c.A1.Chosen ?? c.A1.PersonRecords[0]).Person);
                        return true;
                    }
                }
                if (_step == 1)
                {
                    _step = 2;
                    if (c.Declaration.PersonAccepted && c.Declaration.PersonRecords.Count > 0)
                    {
                        Current = (c.Declaration.Person, (c.Declaration.Chosen ?? c.Declaration.PersonRecords[0]).Person);
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /// <summary>
    /// <see cref="Other"/>'s birth-date test on the record's card, which matching has just read: nearly
    /// every record under the SED's PIN is the same person, and this rules it out without loading the
    /// record and its person from a multi-gigabyte heap.
    /// </summary>
    private static bool MaybeOther(PersonFeatures me, RecordCards cards, int id) =>
        cards.Cards[id].BirthDay is var day && day >= 0 && day != me.BirthDay;

    /// <summary>Another person: born another day, and a name that would not pass as a misspelling of this one.</summary>
    private static bool Other(PersonFeatures me, PersonFeatures other) =>
        other.BirthDay >= 0 && other.BirthDay != me.BirthDay && NameSimilarity.Score(me.Name, other.Name) < PersonComparer.NameGate;
}
