using System.Text;
using Confluent.Kafka;
using Ingest.Core.Units;
using Ingest.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Worker.Kafka;

/// <summary>
/// Poison records go to the dead-letter topic unchanged, with the reason in headers, so they can
/// be inspected and replayed. Flushed before the batch's offsets are stored. A dead letter the
/// brokers refuse (too large, topic missing, not allowed) is logged and counted, never thrown: the
/// record is already quarantined in ClickHouse, and a partition must not stall on its own poison.
/// </summary>
public sealed class DeadLetterPublisher(IProducer<byte[]?, byte[]?> producer, string topic, ILogger? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private long _failed;

    public long Published { get; private set; }

    /// <summary>Dead letters the brokers refused or that could not be queued.</summary>
    public long Failed => Interlocked.Read(ref _failed);

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
        var source = record.TopicPartitionOffset.ToString();
        headers.Add("ingest-source", Encoding.UTF8.GetBytes(source));
        var message = new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value?.Memory.ToArray(), Headers = headers };
        // Back-pressure from librdkafka's queue is waited out for a while; past that, or for any other
        // refusal (a record over the producer's size limit), the dead letter is given up, loudly.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                producer.Produce(topic, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        Refused(source, report.Error.Reason);
                    }
                });
                Published++;
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull && attempt < 100)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
            catch (KafkaException e)
            {
                Refused(source, e.Error.Reason);
                return;
            }
        }
    }

    /// <summary>Waits until every dead letter is acknowledged or refused by the brokers.</summary>
    public void Flush(CancellationToken cancellationToken)
    {
        while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Refused(string source, string reason)
    {
        Interlocked.Increment(ref _failed);
        Log.DeadLetterFailed(_logger, source, topic, reason);
    }

    public void Dispose() => producer.Dispose();
}
