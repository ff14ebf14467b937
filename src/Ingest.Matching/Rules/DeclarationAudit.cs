using Ingest.Core.Results;
using Ingest.Matching.Indexes;
using Ingest.Matching.Scoring;
using Ingest.Normalization.Dates;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>
/// POST-02 looks from the declarations' side, once a run has seen its SEDs: an active declaration
/// whose posting started more than the grace delay ago, with neither an A009 of the run nor an A1
/// of the same worker covering any of its days. The worker is the A1's when a PIN is shared, or the
/// exact normalised name and birth date with no conflicting PIN (registers hold clean identities).
/// </summary>
internal static class DeclarationAudit
{
    public static readonly ControlRule Rule = new("POST-02", Severity.Red, "Declared worker with no A009 and no A1 covering the period",
        "Code du travail L1262-2-1, R1263-12; 987/2009 Art. 19", ["declarations (register)", "A1s (register)", "A009s of the run"],
        "labour inspection follow-up; A005 request to the sending state", static _ => null);

    public static List<DeclarationFinding> Run(ReferenceSnapshot snapshot, IReadOnlySet<string> coveredBySed, DateOnly asOf, int graceDays)
    {
        var findings = new List<DeclarationFinding>();
        // Saturated: a run whose SEDs were all received in year 1 (placeholder dates) must not throw here.
        var cutoff = asOf.DayNumber - graceDays < DateOnly.MinValue.DayNumber ? DateOnly.MinValue : asOf.AddDays(-graceDays);
        foreach (var d in snapshot.Declarations)
        {
            if (d.IsCancelled || d.Period is not { } p || p.Start > cutoff || coveredBySed.Contains(d.TargetId) || CoveringA1(snapshot, d, p.Repaired) is not null)
            {
                continue;
            }
            var anomaly = new Anomaly
            {
                RuleId = Rule.Id,
                Severity = Rule.Severity,
                Reasons = "declaration " + d.TargetId + " " + P(p) + ": no A009 received and no A1 of the worker covering it " + I(asOf.DayNumber - p.Start.DayNumber) + " days after the start",
                FollowUp = Rule.FollowUp,
            };
            findings.Add(new DeclarationFinding(d.TargetId, anomaly));
        }
        return findings;
    }

    private static IndexedA1? CoveringA1(ReferenceSnapshot snapshot, IndexedDeclaration d, Period p)
    {
        foreach (var pin in d.Person.PinKeys)
        {
            foreach (var id in snapshot.A1ByPin.Lookup(KeyHash.Of('P', pin)))
            {
                if (Covers(snapshot.A1s[id], p))
                {
                    return snapshot.A1s[id];
                }
            }
        }
        if (d.Person.Name.IsEmpty)
        {
            return null;
        }
        foreach (var id in snapshot.A1ByBlock.Lookup(KeyHash.Of('N', d.Person.Name.Key)))
        {
            var a = snapshot.A1s[id];
            if (a.Person.BirthDay == d.Person.BirthDay && Matcher.SamePerson(d.Person, a.Person) && Covers(a, p))
            {
                return a;
            }
        }
        return null;
    }

    private static bool Covers(IndexedA1 a, Period declared) => !a.IsWithdrawn && a.Period is { } ap && ap.Repaired.Overlaps(declared);
}
