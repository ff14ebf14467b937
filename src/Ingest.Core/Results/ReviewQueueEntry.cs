namespace Ingest.Core.Results;

/// <summary>A SED taken out of automatic processing by a RED rule, with every reason found on it.</summary>
public sealed record ReviewQueueEntry
{
    public required string Unit { get; init; }
    public required string CaseId { get; init; }
    public required string DocumentId { get; init; }
    public required int DocumentVersion { get; init; }
    public required string SedType { get; init; }
    public string? PersonKey { get; init; }
    /// <summary>Ids of the RED (or BLOCK) rules that took it out.</summary>
    public required IReadOnlyList<string> RedRuleIds { get; init; }
    /// <summary>Every anomaly on the SED as "RULE-ID (SEVERITY): reason", red ones first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
