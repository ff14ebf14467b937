using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Linking;
using Ingest.Matching.Scoring;

namespace Ingest.Matching.Rules;

/// <summary>What a rule may read about one SED: its normalised fields, its matches, the reference snapshot and the run's history.</summary>
internal sealed class RuleContext
{
    private HistoryView[] _caseHistory = [];
    private HistoryView[] _personHistory = [];
    private bool _duplicate;
    private InvalidationOutcome? _invalidation;

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
    internal HistoryView[] CaseHistory => Touch(_caseHistory);

    /// <summary>Earlier SEDs of the same person in this run.</summary>
    internal HistoryView[] PersonHistory => Touch(_personHistory);

    internal bool Duplicate => Touch(_duplicate);

    /// <summary>For an X008: how its target was resolved.</summary>
    internal InvalidationOutcome? Invalidation => Touch(_invalidation);

    /// <summary>
    /// Set while the SED is prepared in parallel, before its place in the run is known: the
    /// history reads as empty, and a rule that reads it is marked (<see cref="HistoryRead"/>) and
    /// run again, in order, with the real history.
    /// </summary>
    internal bool HistoryPending { get; private set; }

    /// <summary>A context for the parallel phase: the history reads as empty, and reading it is noted.</summary>
    internal static RuleContext Pending(SedFeatures sed, ReferenceSnapshot snapshot, EvaluatorOptions options, TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration) =>
        new(sed, snapshot, options, a1, declaration) { HistoryPending = true };

    /// <summary>
    /// The SED's place in the run is known: the deferred rules run on the same context (one object a
    /// SED for both phases), now with the history.
    /// </summary>
    internal void OpenHistory(HistoryView[] caseHistory, HistoryView[] personHistory, bool duplicate, InvalidationOutcome? invalidation)
    {
        _caseHistory = caseHistory;
        _personHistory = personHistory;
        _duplicate = duplicate;
        _invalidation = invalidation;
        HistoryPending = false;
        HistoryRead = false;
    }

    /// <summary>
    /// The rules are done: the views go (a prepared SED may be kept a while, e.g. for re-evaluation,
    /// and a view holds the texts of its history generation, which the history may have dropped).
    /// </summary>
    internal void CloseHistory()
    {
        _caseHistory = [];
        _personHistory = [];
    }

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
