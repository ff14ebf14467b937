using System.ComponentModel.DataAnnotations;

namespace Ingest.Worker.Options;

/// <summary>The "Stream" configuration section: batching and shutdown of the continuous worker.</summary>
public sealed class StreamOptions
{
    public const string Section = "Stream";

    /// <summary>Records per ClickHouse batch; offsets are stored once the batch is acknowledged.</summary>
    [Range(1, 1_000_000)]
    public int BatchMaxRecords { get; set; } = 20_000;

    /// <summary>A partial batch is flushed after this long, bounding end-to-end latency.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BatchMaxAge { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Stop by itself after this long without records (0 = never); for tests and catch-up runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "10000.00:00:00")]
    public TimeSpan ExitWhenIdle { get; set; } = TimeSpan.Zero;

    /// <summary>While ClickHouse is down the worker waits this long between flush attempts, holding its offsets.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan OutageRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Recent SEDs left unmatched, kept to be re-evaluated when an A1 or declaration arrives on the
    /// reference topics (the nightly run catches whatever falls out of this window).
    /// </summary>
    [Range(0, 10_000_000)]
    public int ReevaluationWindow { get; set; } = 50_000;

    /// <summary>
    /// SEDs the worker's history remembers for the cross-SED rules (chains, conflicts, versions,
    /// invalidations), about 0.6 KB each; past it the oldest half is forgotten, so a worker that runs
    /// for months does not grow without bound. 1.5 M is more than a year at URSSAF's volume; the nightly
    /// run sees the whole input whatever this is.
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int HistoryMaxEntries { get; set; } = 1_500_000;

    /// <summary>
    /// Parse workers parse into the records of SEDs already written and not kept for re-evaluation (when
    /// the sink and the evaluator keep no records): a record then allocates only the strings it keeps.
    /// </summary>
    public bool RecycleRecords { get; set; } = true;

    /// <summary>
    /// The engine's methods are compiled before the worker consumes (about a second of start-up on two
    /// cores), not while the first records wait: see <c>CodePreparation</c>.
    /// </summary>
    public bool PrepareCode { get; set; } = true;

    /// <summary>Parse workers between the consume thread and the ordered evaluation; defaults to one per core.</summary>
    [Range(1, 256)]
    public int ParseWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Chunks in flight per pipeline stage: bounds memory and makes a slow sink pause consumption.</summary>
    [Range(2, 100_000)]
    public int ChannelCapacity { get; set; } = 64;

    /// <summary>Records already fetched are passed on together, up to this many, to keep the stages' hand-offs cheap.</summary>
    [Range(1, 100_000)]
    public int ChunkRecords { get; set; } = 256;

    /// <summary>Port of /health and /metrics on loopback (0 = off).</summary>
    [Range(0, 65535)]
    public int MetricsPort { get; set; }
}
