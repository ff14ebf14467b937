using Ingest.Core.Results;
using Ingest.Matching.Indexes;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>CERT-01…CERT-02: the A1 a declaration cites.</summary>
internal static class CertificateRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("CERT-01", Severity.Red, "Cited A1 number does not exist",
            "987/2009 Art. 19(2); Code du travail R1263-12", ["matched declaration (A1 number)", "A1 index"], "verify with the issuer; withdrawal request", c =>
            {
                if (c.MatchedDeclaration is not { } d || string.IsNullOrWhiteSpace(d.A1Number))
                {
                    return null;
                }
                return c.Snapshot.A1ByNumber.ContainsKey(ReferenceSnapshot.NumberKey(d.A1Number)) ? null
                    : Hit("declaration " + d.TargetId + " cites A1 " + d.A1Number + ", unknown");
            });

        yield return new ControlRule("CERT-02", Severity.Red, "Cited A1 is withdrawn or expired",
            "987/2009 Art. 5", ["matched declaration (A1 number)", "A1 status and period"], "withdrawal request / labour inspection", c =>
            {
                if (c.MatchedDeclaration is not { } d || string.IsNullOrWhiteSpace(d.A1Number)
                    || !c.Snapshot.A1ByNumber.TryGetValue(ReferenceSnapshot.NumberKey(d.A1Number), out var id))
                {
                    return null;
                }
                var a = c.Snapshot.A1s[id];
                if (a.IsWithdrawn || a.IsExpired)
                {
                    return Hit("declaration " + d.TargetId + " cites A1 " + a.TargetId + " which is " + a.Status);
                }
                return a.Period is { } ap && d.Period is { } dp && dp.Start > ap.Repaired.EffectiveEnd
                    ? Hit("declaration " + d.TargetId + " starts " + D(dp.Start) + " after A1 " + a.TargetId + " ended " + D(ap.End))
                    : null;
            });
    }
}
