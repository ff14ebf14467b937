namespace Ingest.Generator.Evaluation;

/// <summary>What one run concluded about one SED, read back from ClickHouse.</summary>
public sealed record PredictedSed(string CaseId, string DocumentId, int Version)
{
    /// <summary>Matched A1 document number (status conform, conflict or review), else null.</summary>
    public string? A1 { get; init; }
    public string? Declaration { get; init; }
    public HashSet<string> Rules { get; init; } = new(StringComparer.Ordinal);
    public bool RedFlag { get; init; }
}
