using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Ingest.DevBroker;

/// <summary>
/// The mock keeps about 5 MB per partition and silently drops older records. This watcher polls
/// every partition's low watermark and the watched groups' commits, and reports (loudly, and in
/// the status file) every record that vanished before any watched group had consumed it.
/// </summary>
internal sealed class DropWatcher : IDisposable
{
    private readonly DevBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly IConsumer<Ignore, Ignore> _probe;
    private readonly IAdminClient _metadata;
    private readonly List<IConsumer<Ignore, Ignore>> _groups = [];
    private readonly Dictionary<TopicPartition, long> _lastLow = [];
    private readonly Dictionary<TopicPartition, long> _dropped = [];

    public DropWatcher(string bootstrap, DevBrokerOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _probe = NewConsumer(bootstrap, "ingest-dev-broker-probe");
        // Metadata only: the mock serves it (unlike CreateTopics, DescribeConfigs, ListConsumerGroups).
        _metadata = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).SetLogHandler((_, _) => { }).Build();
        foreach (var group in options.WatchGroups)
        {
            _groups.Add(NewConsumer(bootstrap, group));
        }
    }

    public long DroppedTotal { get; private set; }

    public long DroppedUnconsumed { get; private set; }

    public void Poll()
    {
        foreach (var (topic, partitions) in Topics())
        {
            for (var p = 0; p < partitions; p++)
            {
                var tp = new TopicPartition(topic, p);
                WatermarkOffsets marks;
                try
                {
                    marks = _probe.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(2));
                }
                catch (KafkaException e)
                {
                    Log.WatermarkFailed(_logger, tp.ToString(), e.Error.Reason);
                    continue;
                }
                var low = marks.Low.Value;
                var last = _lastLow.GetValueOrDefault(tp, 0);
                if (low > last)
                {
                    var consumed = CommittedMax(tp);
                    var lost = low - Math.Max(last, consumed);
                    DroppedTotal += low - last;
                    if (lost > 0)
                    {
                        DroppedUnconsumed += lost;
                        _dropped[tp] = _dropped.GetValueOrDefault(tp) + lost;
                        Log.RecordsDropped(_logger, lost, topic, p, Math.Max(last, consumed), low - 1);
                    }
                    _lastLow[tp] = low;
                }
            }
        }
        WriteStatus();
    }

    /// <summary>Every topic the cluster has, including those clients auto-created, not just the configured ones.</summary>
    private List<(string Topic, int Partitions)> Topics()
    {
        var topics = new List<(string, int)>();
        try
        {
            foreach (var topic in _metadata.GetMetadata(TimeSpan.FromSeconds(2)).Topics)
            {
                if (!topic.Topic.StartsWith("__", StringComparison.Ordinal) && !topic.Error.IsError)
                {
                    topics.Add((topic.Topic, topic.Partitions.Count));
                }
            }
        }
        catch (KafkaException e)
        {
            Log.WatermarkFailed(_logger, "metadata", e.Error.Reason);
            foreach (var (topic, partitions) in _options.Topics)
            {
                topics.Add((topic, partitions));
            }
        }
        return topics;
    }

    private long CommittedMax(TopicPartition tp)
    {
        var max = 0L;
        foreach (var group in _groups)
        {
            try
            {
                foreach (var c in group.Committed([tp], TimeSpan.FromSeconds(2)))
                {
                    if (c.Offset.Value > max)
                    {
                        max = c.Offset.Value;
                    }
                }
            }
            catch (KafkaException)
            {
                // A group that never committed reads as "nothing consumed".
            }
        }
        return max;
    }

    private void WriteStatus()
    {
        var perPartition = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (tp, n) in _dropped)
        {
            perPartition[$"{tp.Topic}[{tp.Partition.Value}]"] = n;
        }
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["droppedTotal"] = DroppedTotal,
            ["droppedUnconsumed"] = DroppedUnconsumed,
            ["partitions"] = perPartition,
            ["updatedAt"] = DateTime.UtcNow.ToString("O"),
        });
        AtomicFile.Write(_options.StatusFile, json);
    }

    private static IConsumer<Ignore, Ignore> NewConsumer(string bootstrap, string group) =>
        new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            LogConnectionClose = false,
        }).SetLogHandler((_, _) => { }).Build();

    public void Dispose()
    {
        _probe.Dispose();
        _metadata.Dispose();
        foreach (var g in _groups)
        {
            g.Dispose();
        }
    }
}
