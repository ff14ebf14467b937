namespace Ingest.Pipeline;

public sealed class PipelineOptions
{
    /// <summary>Parse workers; defaults to one per core.</summary>
    public int ParseWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Chunks each bounded channel holds before its writer waits (back-pressure). Kept small: every
    /// unit waiting in a channel outlives the young-generation collections and is copied into the old
    /// generation; 4 096 chunks (262 144 units a channel) made a year's run hold ~1.2 GB more and
    /// collect more, for no throughput (the ordered stage sets the pace).
    /// </summary>
    public int ChannelCapacity { get; set; } = 8;

    /// <summary>Units handed from stage to stage together.</summary>
    public int ChunkUnits { get; set; } = 64;

    /// <summary>
    /// Parse later documents into the records the sink is done with (when the sink and the evaluator
    /// keep none): a year's run then allocates a few hundred MB less, in ~30 objects a document fewer.
    /// </summary>
    public bool RecycleRecords { get; set; } = true;

    /// <summary>How often progress is reported.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
