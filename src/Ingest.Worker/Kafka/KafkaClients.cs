using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Ingest.Worker.Options;

namespace Ingest.Worker.Kafka;

/// <summary>Client configurations in one place, so the worker, `ingest produce` and tests agree.</summary>
public static class KafkaClients
{
    public static ConsumerConfig Consumer(KafkaOptions options)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(options.Client))
        {
            BootstrapServers = options.ResolveBootstrap(),
            GroupId = options.GroupId,
            // Offsets are stored by hand once ClickHouse acknowledged the batch; the background
            // commit then only ever commits what is durable.
            EnableAutoOffsetStore = false,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = options.FetchWaitMaxMs,
            EnablePartitionEof = false,
            // A topic created after the worker subscribed is assigned within seconds, not minutes.
            TopicMetadataRefreshIntervalMs = 2000,
        };
        if (options.UsesConsumerProtocol())
        {
            config.GroupProtocol = GroupProtocol.Consumer;
        }
        else
        {
            config.GroupProtocol = GroupProtocol.Classic;
            config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
            config.SessionTimeoutMs = options.SessionTimeoutMs;
        }
        return config;
    }

    public static ProducerConfig Producer(KafkaOptions options) =>
        new(new Dictionary<string, string>(options.Client))
        {
            BootstrapServers = options.ResolveBootstrap(),
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };

    /// <summary>
    /// One <c>Consume</c>, where a subscribed topic that does not exist (yet) is waited for, not thrown:
    /// librdkafka reports it as a consume error on every poll until the topic appears (a reference topic
    /// created after the worker started), so it is logged once a minute at most and the poll returns nothing.
    /// </summary>
    public static ConsumeResult<TKey, TValue>? Consume<TKey, TValue>(IConsumer<TKey, TValue> consumer, TimeSpan timeout, ILogger logger, ref long lastLogged)
    {
        try
        {
            return consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal && e.Error.Code is ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic or ErrorCode.Local_UnknownPartition)
        {
            if (Stopwatch.GetElapsedTime(lastLogged) >= TimeSpan.FromMinutes(1) || lastLogged == 0)
            {
                lastLogged = Stopwatch.GetTimestamp();
                Log.ConsumeRetry(logger, e.Error.Reason);
            }
            Thread.Sleep(timeout);
            return null;
        }
        catch (ConsumeException e) when (!e.Error.IsFatal && e.Error.Code == ErrorCode.Local_MaxPollExceeded)
        {
            // The loop was held longer than max.poll.interval.ms (back-pressure through a long ClickHouse
            // outage): the client left the group and rejoins at this poll. What it held is revoked as lost
            // and read again from the committed offsets; the worker goes on.
            Log.PollIntervalExceeded(logger, e.Error.Reason);
            return null;
        }
    }
}
