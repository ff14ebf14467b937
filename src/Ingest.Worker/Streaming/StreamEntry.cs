using Confluent.Kafka;
using Ingest.Core.Units;

namespace Ingest.Worker.Streaming;

/// <summary>
/// One slot of the worker's pipeline, numbered in consume order: a Kafka record (parsed by a parse
/// worker on the way) or a control marker. Markers travel in the same order as the records, so a
/// barrier reached by the processor means every record consumed before it has been handled.
/// </summary>
internal sealed class StreamEntry
{
    public required long Seq { get; init; }

    public ConsumeResult<byte[]?, byte[]?>? Record { get; init; }

    public StreamControl? Control { get; init; }

    public UnitId Unit { get; set; }

    public ParseOutcome Outcome { get; set; }
}
