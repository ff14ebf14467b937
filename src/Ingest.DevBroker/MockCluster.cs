using System.Runtime.InteropServices;
using Ingest.DevBroker.Native;

namespace Ingest.DevBroker;

/// <summary>
/// librdkafka's protocol-level mock cluster, owned by a bare producer handle. It listens on
/// loopback TCP (random ports), so other processes use it like a real broker. Memory only.
/// </summary>
internal sealed unsafe class MockCluster : IDisposable
{
    private nint _rk;
    private readonly nint _cluster;

    public MockCluster(int brokers)
    {
        var err = stackalloc byte[512];
        var conf = RdKafkaNative.rd_kafka_conf_new();
        Set(conf, "test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture), err);
        // The owning handle never produces; keep its own logging quiet.
        Set(conf, "log_level", "3", err);
        _rk = RdKafkaNative.rd_kafka_new(RdKafkaNative.ProducerType, conf, err, 512);
        if (_rk == 0)
        {
            RdKafkaNative.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException("rd_kafka_new failed: " + Marshal.PtrToStringUTF8((nint)err));
        }
        _cluster = RdKafkaNative.rd_kafka_handle_mock_cluster(_rk);
        if (_cluster == 0)
        {
            throw new InvalidOperationException("librdkafka created no mock cluster (test.mock.num.brokers unsupported?)");
        }
        Bootstrap = Marshal.PtrToStringUTF8(RdKafkaNative.rd_kafka_mock_cluster_bootstraps(_cluster))
            ?? throw new InvalidOperationException("mock cluster has no bootstrap address");
    }

    public string Bootstrap { get; }

    /// <summary>
    /// KIP-848 groups: how long a member that stopped heartbeating (kill -9) keeps its partitions.
    /// The mock's default is 45 s; development and tests want a crashed worker replaced quickly.
    /// </summary>
    public void SetConsumerGroupTimeouts(int sessionTimeoutMs, int heartbeatIntervalMs)
    {
        RdKafkaNative.rd_kafka_mock_set_group_consumer_session_timeout_ms(_cluster, sessionTimeoutMs);
        RdKafkaNative.rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(_cluster, heartbeatIntervalMs);
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor)
    {
        var code = RdKafkaNative.rd_kafka_mock_topic_create(_cluster, topic, partitions, replicationFactor);
        // 36 = TOPIC_ALREADY_EXISTS: creating is idempotent for us.
        if (code != 0 && code != 36)
        {
            throw new InvalidOperationException($"creating topic {topic}: {Marshal.PtrToStringUTF8(RdKafkaNative.rd_kafka_err2str(code))}");
        }
    }

    public void Dispose()
    {
        if (_rk != 0)
        {
            RdKafkaNative.rd_kafka_destroy(_rk);
            _rk = 0;
        }
    }

    private static void Set(nint conf, string name, string value, byte* err)
    {
        if (RdKafkaNative.rd_kafka_conf_set(conf, name, value, err, 512) != 0)
        {
            throw new InvalidOperationException($"{name}={value}: {Marshal.PtrToStringUTF8((nint)err)}");
        }
    }
}
