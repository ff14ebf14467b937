using Confluent.Kafka;
using Ingest.Core.Units;
using Ingest.Sources;

namespace Ingest.Worker.Streaming;

/// <summary>
/// One slot of a <see cref="StreamChunk"/>: a Kafka record (parsed by a parse worker on the way)
/// or a control marker. Markers travel in the same order as the records, so a barrier reached by
/// the processor means every record consumed before it has been handled.
/// </summary>
internal sealed class StreamEntry
{
    public ConsumeResult<byte[]?, PooledBuffer?>? Record { get; init; }

    public StreamControl? Control { get; init; }

    public UnitId Unit { get; set; }

    public ParseOutcome Outcome { get; set; }

    /// <summary>The evaluator's order-free part, done by the parse worker (or why it failed).</summary>
    public object? Prepared { get; set; }

    public Exception? PrepareError { get; set; }
}
