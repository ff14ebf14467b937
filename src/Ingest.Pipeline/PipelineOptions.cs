namespace Ingest.Pipeline;

public sealed class PipelineOptions
{
    /// <summary>Parse workers; defaults to one per core.</summary>
    public int ParseWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Chunks each bounded channel holds before its writer waits (back-pressure).</summary>
    public int ChannelCapacity { get; set; } = 64;

    /// <summary>Units handed from stage to stage together.</summary>
    public int ChunkUnits { get; set; } = 64;

    /// <summary>How often progress is reported.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
