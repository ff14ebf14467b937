using Confluent.Kafka;

namespace Ingest.Worker.Streaming;

internal enum StreamControlKind : byte
{
    /// <summary>Wakes the processor while no record flows (batch age, reference updates).</summary>
    Tick,
    /// <summary>Flush the batch and store its offsets, then signal <see cref="StreamControl.Done"/>.</summary>
    Barrier,
    /// <summary>Forget the pending offsets of partitions the group took away without a revoke.</summary>
    Lost,
}

internal sealed class StreamControl
{
    public static readonly StreamControl Tick = new(StreamControlKind.Tick, null);

    public StreamControl(StreamControlKind kind, IReadOnlyList<TopicPartition>? partitions)
    {
        Kind = kind;
        Partitions = partitions;
    }

    public StreamControlKind Kind { get; }

    public IReadOnlyList<TopicPartition>? Partitions { get; }

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
