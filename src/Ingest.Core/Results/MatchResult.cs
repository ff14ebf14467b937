namespace Ingest.Core.Results;

public enum MatchStatus : byte
{
    Conform = 0,
    Unmatched = 1,
    Conflict = 2,
    Review = 3,
}

public enum MatchTarget : byte
{
    A1 = 0,
    Declaration = 1,
}

/// <summary>The outcome of matching one SED against one kind of reference data.</summary>
public sealed record MatchResult
{
    public required MatchTarget Target { get; init; }
    public required MatchStatus Status { get; init; }
    /// <summary>A1 document number or declaration id; null when unmatched.</summary>
    public string? TargetId { get; init; }
    /// <summary>0..1; 1 for an exact identifier match.</summary>
    public double Score { get; init; }
    /// <summary>Short machine-readable reasons, e.g. "pin-exact", "name-jw:0.93", "period-overlap".</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
