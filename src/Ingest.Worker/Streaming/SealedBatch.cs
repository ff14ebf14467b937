using Confluent.Kafka;

namespace Ingest.Worker.Streaming;

/// <summary>
/// A batch handed to the sink and not yet acknowledged: the offsets its records complete, when
/// its records were produced (for the latency report), and how many dead letters precede it.
/// </summary>
internal sealed class SealedBatch(
    Task acknowledged,
    Dictionary<TopicPartition, long> offsets,
    List<long> producedAt,
    long startedTicks,
    long deadLetters)
{
    public Task Acknowledged { get; } = acknowledged;

    /// <summary>Next offset to consume per partition, once the batch is durable.</summary>
    public Dictionary<TopicPartition, long> Offsets { get; } = offsets;

    public List<long> ProducedAt { get; } = producedAt;

    public long StartedTicks { get; } = startedTicks;

    /// <summary>Dead letters published up to the seal: they must be delivered before the offsets are stored.</summary>
    public long DeadLetters { get; } = deadLetters;
}
