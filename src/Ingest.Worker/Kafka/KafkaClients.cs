using Confluent.Kafka;
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
        if (options.GroupProtocol == "consumer")
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
}
