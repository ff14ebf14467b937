using Confluent.Kafka;
using Ingest.Sources;

namespace Ingest.Worker.Kafka;

/// <summary>
/// Copies a record's value out of librdkafka's memory into a pooled buffer instead of a new array:
/// the values (a few kilobytes each) were most of what the worker allocated. The processor returns
/// the buffer once the record is handled.
/// </summary>
public sealed class PooledValueDeserializer : IDeserializer<PooledBuffer?>
{
    public static readonly PooledValueDeserializer Instance = new();

    public PooledBuffer? Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
        isNull ? null : PooledBuffer.CopyOf(data);
}
