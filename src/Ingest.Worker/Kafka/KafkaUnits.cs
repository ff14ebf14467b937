using System.Text;
using Confluent.Kafka;
using Ingest.Core.Units;

namespace Ingest.Worker.Kafka;

/// <summary>A Kafka record as an input unit named topic/partition@offset, its headers kept for bare SEDs.</summary>
public static class KafkaUnits
{
    public static InputUnit FromRecord(ConsumeResult<byte[]?, byte[]?> record)
    {
        Dictionary<string, string>? headers = null;
        if (record.Message.Headers is { Count: > 0 } h)
        {
            headers = new Dictionary<string, string>(h.Count, StringComparer.Ordinal);
            foreach (var header in h)
            {
                headers[header.Key] = Encoding.UTF8.GetString(header.GetValueBytes());
            }
        }
        var id = new UnitId($"{record.Topic}/{record.Partition.Value}@{record.Offset.Value}", null, record.Offset.Value);
        return new InputUnit(id, record.Message.Value ?? []) { Headers = headers };
    }
}
