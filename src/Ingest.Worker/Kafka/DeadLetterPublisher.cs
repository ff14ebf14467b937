using System.Text;
using Confluent.Kafka;
using Ingest.Core.Units;
using Ingest.Sources;

namespace Ingest.Worker.Kafka;

/// <summary>
/// Poison records go to the dead-letter topic unchanged, with the reason in headers, so they can
/// be inspected and replayed. Flushed before the batch's offsets are stored: never silent loss.
/// </summary>
public sealed class DeadLetterPublisher(IProducer<byte[]?, byte[]?> producer, string topic) : IDisposable
{
    public long Published { get; private set; }

    public void Publish(ConsumeResult<byte[]?, PooledBuffer?> record, QuarantineRecord reason)
    {
        var headers = new Headers();
        if (record.Message.Headers is { } original)
        {
            foreach (var h in original)
            {
                headers.Add(h.Key, h.GetValueBytes());
            }
        }
        headers.Add("ingest-error-code", Encoding.UTF8.GetBytes(reason.ErrorCode));
        headers.Add("ingest-error-message", Encoding.UTF8.GetBytes(reason.Message));
        headers.Add("ingest-error-offset", Encoding.UTF8.GetBytes(reason.ByteOffset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        headers.Add("ingest-source", Encoding.UTF8.GetBytes(record.TopicPartitionOffset.ToString()));
        producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value?.Memory.ToArray(), Headers = headers });
        Published++;
    }

    /// <summary>Waits until every dead letter is acknowledged by the brokers.</summary>
    public void Flush(CancellationToken cancellationToken)
    {
        while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => producer.Dispose();
}
