using Ingest.Core.Reference;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Evaluation;

/// <summary>
/// The truth of POST-02, derived from what the generator wrote: an active declaration, started more
/// than the grace delay before the last reception day, that no well-formed A009 is expected to match
/// and whose posting has no valid A1 of its own (a background declaration; a posting whose A009 arrived
/// broken, or named a placeholder person, and had no A1). A posting's own A1 and declaration carry its
/// case id (<see cref="Reference.ReferenceBuilder.A1Number"/>, "SIPSI-" + case).
/// </summary>
public static class DeclarationTruth
{
    public static HashSet<string> Uncovered(IReadOnlyCollection<TruthRecord> truth, IEnumerable<PostingDeclaration> declarations, IEnumerable<A1Certificate> a1s, int graceDays)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var cases = new HashSet<string>(StringComparer.Ordinal);
        DateOnly? latest = null;
        foreach (var t in truth)
        {
            cases.Add(t.CaseId);
            if (t.ExpectedDeclaration is { } d && !t.Malformed)
            {
                covered.Add(d);
            }
            if (!t.Malformed && RuleOracle.Date(t.ReceivedAt) is { } received && (latest is null || received > latest))
            {
                latest = received;
            }
        }
        foreach (var a in a1s)
        {
            if (Reference.ReferenceBuilder.CaseOfOwnA1(a.DocumentNumber) is { } caseId && cases.Contains(caseId) && !a.Status.Equals("withdrawn", StringComparison.OrdinalIgnoreCase))
            {
                covered.Add("SIPSI-" + caseId);
            }
        }
        var expected = new HashSet<string>(StringComparer.Ordinal);
        if (latest is not { } asOf)
        {
            return expected;
        }
        var cutoff = asOf.AddDays(-graceDays);
        foreach (var d in declarations)
        {
            if (!d.Status.Equals("cancelled", StringComparison.OrdinalIgnoreCase) && RuleOracle.Date(d.Start) is { } start && start <= cutoff
                && !covered.Contains(d.DeclarationId))
            {
                expected.Add(d.DeclarationId);
            }
        }
        return expected;
    }
}
