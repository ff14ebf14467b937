namespace Ingest.Core.Results;

/// <summary>One control rule of the catalogue (DOMAIN.md §5), as listed by `ingest rules` and stored in ClickHouse.</summary>
public sealed record RuleDescriptor
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required string LegalBasis { get; init; }
    /// <summary>The fields and reference data the rule reads.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }
    /// <summary>The follow-up a finding calls for (A005 request, withdrawal request, review, none).</summary>
    public required string FollowUp { get; init; }
}
