namespace Ingest.Core.Results;

/// <summary>One control rule firing on one SED, explainable on its own.</summary>
public sealed record Anomaly
{
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required string Reasons { get; init; }
    /// <summary>The follow-up it calls for: "A005 request for information", "withdrawal request", "none".</summary>
    public string FollowUp { get; init; } = "none";
}
