using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Linking;
using Ingest.Matching.Scoring;

namespace Ingest.Matching.Rules;

/// <summary>What a rule may read about one SED: its normalised fields, its matches, the reference snapshot and the run's history.</summary>
internal sealed class RuleContext
{
    private readonly HistoryView[] _caseHistory = [];
    private readonly HistoryView[] _personHistory = [];
    private readonly bool _duplicate;
    private readonly InvalidationOutcome? _invalidation;

    internal RuleContext(SedFeatures sed, ReferenceSnapshot snapshot, EvaluatorOptions options, TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration, DateOnly? now = null)
    {
        Sed = sed;
        Snapshot = snapshot;
        Options = options;
        A1 = a1;
        Declaration = declaration;
        Now = now ?? sed.Now ?? options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
    }

    internal SedFeatures Sed { get; }
    internal ReferenceSnapshot Snapshot { get; }
    internal EvaluatorOptions Options { get; }
    internal TargetMatch<IndexedA1> A1 { get; }
    internal TargetMatch<IndexedDeclaration> Declaration { get; }

    /// <summary>Earlier SEDs of the same case in this run.</summary>
    internal HistoryView[] CaseHistory
    {
        get => Touch(_caseHistory);
        init => _caseHistory = value;
    }

    /// <summary>Earlier SEDs of the same person in this run.</summary>
    internal HistoryView[] PersonHistory
    {
        get => Touch(_personHistory);
        init => _personHistory = value;
    }

    internal bool Duplicate
    {
        get => Touch(_duplicate);
        init => _duplicate = value;
    }

    /// <summary>For an X008: how its target was resolved.</summary>
    internal InvalidationOutcome? Invalidation
    {
        get => Touch(_invalidation);
        init => _invalidation = value;
    }

    /// <summary>
    /// Set while the SED is prepared in parallel, before its place in the run is known: the
    /// history reads as empty, and a rule that reads it is marked (<see cref="HistoryRead"/>) and
    /// run again, in order, with the real history.
    /// </summary>
    internal bool HistoryPending { get; init; }

    /// <summary>Whether the current rule read the history while it was pending.</summary>
    internal bool HistoryRead { get; set; }

    internal DateOnly Now { get; }

    private T Touch<T>(T value)
    {
        if (HistoryPending)
        {
            HistoryRead = true;
        }
        return value;
    }

    /// <summary>The accepted A1 that overlaps the SED, if any.</summary>
    internal IndexedA1? MatchedA1 => A1.PersonAccepted ? A1.Chosen : null;

    /// <summary>The accepted declaration that overlaps the SED, if any.</summary>
    internal IndexedDeclaration? MatchedDeclaration => Declaration.PersonAccepted ? Declaration.Chosen : null;
}
