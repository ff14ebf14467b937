namespace Ingest.Worker.Streaming;

/// <summary>
/// Records consumed back to back travel the pipeline together, numbered in consume order: one
/// channel operation per chunk instead of per record keeps the stages from contending on the
/// channels' locks and waking each other for every record.
/// </summary>
internal sealed class StreamChunk(long seq, List<StreamEntry> entries)
{
    public long Seq { get; } = seq;

    public List<StreamEntry> Entries { get; } = entries;
}
