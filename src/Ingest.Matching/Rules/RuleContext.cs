using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Linking;
using Ingest.Matching.Scoring;

namespace Ingest.Matching.Rules;

/// <summary>What a rule may read about one SED: its normalised fields, its matches, the reference snapshot and the run's history.</summary>
internal sealed class RuleContext
{
    internal RuleContext(SedFeatures sed, ReferenceSnapshot snapshot, EvaluatorOptions options, TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration)
    {
        Sed = sed;
        Snapshot = snapshot;
        Options = options;
        A1 = a1;
        Declaration = declaration;
        Now = sed.Now ?? options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    }

    internal SedFeatures Sed { get; }
    internal ReferenceSnapshot Snapshot { get; }
    internal EvaluatorOptions Options { get; }
    internal TargetMatch<IndexedA1> A1 { get; }
    internal TargetMatch<IndexedDeclaration> Declaration { get; }

    /// <summary>Earlier SEDs of the same case in this run.</summary>
    internal HistoryEntry[] CaseHistory { get; init; } = [];

    /// <summary>Earlier SEDs of the same person in this run.</summary>
    internal HistoryEntry[] PersonHistory { get; init; } = [];

    internal bool Duplicate { get; init; }

    /// <summary>For an X008: how its target was resolved.</summary>
    internal InvalidationOutcome? Invalidation { get; init; }

    internal DateOnly Now { get; }

    /// <summary>The accepted A1 that overlaps the SED, if any.</summary>
    internal IndexedA1? MatchedA1 => A1.PersonAccepted ? A1.Chosen : null;

    /// <summary>The accepted declaration that overlaps the SED, if any.</summary>
    internal IndexedDeclaration? MatchedDeclaration => Declaration.PersonAccepted ? Declaration.Chosen : null;
}
