namespace Ingest.Core.Results;

/// <summary>One run (a nightly batch or a stream worker's life) with its audit counts: units in = SEDs + quarantined.</summary>
public sealed class RunRecord
{
    public required string RunId { get; init; }
    /// <summary>"reconcile" or "stream".</summary>
    public required string Kind { get; init; }
    /// <summary>"running", "complete", "failed", "cancelled", "dry-run".</summary>
    public string Status { get; set; } = "running";
    public string Input { get; init; } = "";
    public DateTime StartedAt { get; init; } = DateTime.UtcNow;
    public DateTime? FinishedAt { get; set; }
    public long UnitsIn { get; set; }
    public long Seds { get; set; }
    /// <summary>Malformed and not-SED units, each with a quarantine row.</summary>
    public long Quarantined { get; set; }
    public long NotSed { get; set; }
    public long MatchedA1 { get; set; }
    public long MatchedDeclarations { get; set; }
    public long Anomalies { get; set; }
    public long RedFlags { get; set; }
    public string? Error { get; set; }
    public string ToolVersion { get; init; } = typeof(RunRecord).Assembly.GetName().Version?.ToString() ?? "";
    public string ServerVersion { get; set; } = "";

    public static string NewId(string kind) =>
        $"{kind}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
}
