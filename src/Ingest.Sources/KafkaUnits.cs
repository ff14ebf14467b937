using System.Text;
using Confluent.Kafka;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// Wraps one Kafka record as an input unit named "topic/partition@offset" (docs/FORMATS.md §4/§5).
/// The eessi-* headers travel with the unit and fill the case envelope of a bare SED.
/// </summary>
public static class KafkaUnits
{
    public const string HeaderPrefix = "eessi-";

    public static InputUnit FromRecord(string topic, int partition, long offset, ReadOnlyMemory<byte> value, IEnumerable<KeyValuePair<string, byte[]>>? headers, IDisposable? owner = null)
    {
        Dictionary<string, string>? map = null;
        if (headers is not null)
        {
            foreach (var (key, bytes) in headers)
            {
                if (key.StartsWith(HeaderPrefix, StringComparison.Ordinal) && bytes is not null)
                {
                    (map ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = Encoding.UTF8.GetString(bytes);
                }
            }
        }
        return new InputUnit(new UnitId($"{topic}/{partition}@{offset}", null, 0), value, owner) { Headers = map };
    }

    /// <summary>
    /// The unit of a record whose value was read into a pooled buffer. The record keeps the buffer,
    /// not the unit: a poison record's bytes still go to the dead-letter topic after parsing.
    /// </summary>
    public static InputUnit FromConsumeResult(ConsumeResult<byte[]?, PooledBuffer?> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var headers = result.Message.Headers?.Select(h => new KeyValuePair<string, byte[]>(h.Key, h.GetValueBytes()));
        return FromRecord(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Value?.Memory ?? ReadOnlyMemory<byte>.Empty, headers);
    }
}
