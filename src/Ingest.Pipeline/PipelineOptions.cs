namespace Ingest.Pipeline;

public sealed class PipelineOptions
{
    /// <summary>Parse workers; defaults to one per core.</summary>
    public int ParseWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Items each bounded channel holds before its writer waits (back-pressure).</summary>
    public int ChannelCapacity { get; set; } = 4096;

    /// <summary>How often progress is reported.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
