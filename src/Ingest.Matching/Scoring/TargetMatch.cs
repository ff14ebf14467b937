using Ingest.Core.Results;

namespace Ingest.Matching.Scoring;

/// <summary>The matcher's outcome for one kind of reference data: the public result plus what rules read.</summary>
internal sealed class TargetMatch<T>
    where T : class
{
    public required MatchResult Result { get; init; }

    /// <summary>The chosen record (the best overlapping record of the best person), when any.</summary>
    public T? Chosen { get; init; }

    public PersonScore Person { get; init; }

    /// <summary>All records of the accepted person (for chains, conflicts, citations).</summary>
    public IReadOnlyList<T> PersonRecords { get; init; } = [];

    /// <summary>Different persons scoring as high as the best one.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>The accepted person (score ≥ accept threshold, not ambiguous).</summary>
    public bool PersonAccepted { get; init; }

    public int CandidateCount { get; init; }
}
