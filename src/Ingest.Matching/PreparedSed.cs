using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Scoring;

namespace Ingest.Matching;

/// <summary>What <see cref="SedEvaluator.Prepare"/> found for one SED, for <see cref="SedEvaluator.Complete"/> to finish in order.</summary>
internal sealed class PreparedSed(SedFeatures features, ReferenceSnapshot snapshot, TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration, Rules.RuleContext context)
{
    /// <summary>The rules' context, its history still pending; the deferred rules read it once it is opened.</summary>
    public Rules.RuleContext Context { get; } = context;

    public SedFeatures Features { get; } = features;

    /// <summary>The snapshot both phases read, even if a newer one is swapped in between.</summary>
    public ReferenceSnapshot Snapshot { get; } = snapshot;

    public TargetMatch<IndexedA1> A1 { get; } = a1;

    public TargetMatch<IndexedDeclaration> Declaration { get; } = declaration;

    /// <summary>Findings of the rules that read no history, by catalogue index (ascending); null while there is none (most SEDs).</summary>
    public List<(int Rule, Anomaly Anomaly)>? Found { get; private set; }

    /// <summary>
    /// Catalogue indexes of the rules to run in order, with the history (ascending). Once the rules
    /// that read the history are known, every SED defers the same ones: they share one array.
    /// </summary>
    public int[] Deferred { get; set; } = [];

    public void AddFound(int rule, Anomaly anomaly) => (Found ??= new List<(int, Anomaly)>(4)).Add((rule, anomaly));
}
