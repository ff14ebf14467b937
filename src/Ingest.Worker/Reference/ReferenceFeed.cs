using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Ingest.Core.Reference;
using Ingest.Matching.Indexes;
using Ingest.Worker.Kafka;
using Ingest.Worker.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Worker.Reference;

/// <summary>
/// Live reference data: the A1 and declaration topics (compacted, keyed by document number; a
/// null value deletes) are read from the beginning by every worker, merged over the snapshot the
/// worker started with, and published as a new immutable snapshot at most once a second.
/// Subscribers (the stream worker) re-evaluate what was unmatched when a snapshot lands.
/// </summary>
public sealed class ReferenceFeed(
    IOptions<KafkaOptions> kafkaOptions,
    ReferenceSnapshotHolder holder,
    ReferenceSeed seed,
    ILogger<ReferenceFeed> logger) : BackgroundService
{
    private readonly KafkaOptions _kafka = kafkaOptions.Value;
    private readonly Dictionary<string, A1Certificate> _a1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostingDeclaration> _declarations = new(StringComparer.Ordinal);

    /// <summary>Raised on the feed's thread after each swap, with the number of records changed.</summary>
    public event Action<int>? SnapshotSwapped;

    public long Swaps { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(_kafka.A1Topic) && string.IsNullOrEmpty(_kafka.DeclarationsTopic))
        {
            return;
        }
        foreach (var a in seed.A1)
        {
            _a1[a.DocumentNumber] = a;
        }
        foreach (var d in seed.Declarations)
        {
            _declarations[d.DeclarationId] = d;
        }
        var config = KafkaClients.Consumer(_kafka);
        // Every worker needs the whole table: a group of its own, never committed.
        config.GroupId = $"{_kafka.GroupId}-reference-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        // A reference topic created after start-up is picked up within seconds, not minutes.
        config.TopicMetadataRefreshIntervalMs = 2000;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetErrorHandler((_, e) => Log.KafkaError(logger, e.Reason)).Build();
        consumer.Subscribe(new[] { _kafka.A1Topic, _kafka.DeclarationsTopic }.Where(t => !string.IsNullOrEmpty(t)));
        var changed = 0;
        var lastSwap = DateTime.UtcNow;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (record?.Message is { } message && Apply(record.Topic, message))
                {
                    changed++;
                }
                if (changed > 0 && DateTime.UtcNow - lastSwap >= TimeSpan.FromSeconds(1))
                {
                    holder.Swap(ReferenceSnapshot.Build(_a1.Values, _declarations.Values));
                    Swaps++;
                    Log.ReferenceSwapped(logger, changed, _a1.Count, _declarations.Count);
                    SnapshotSwapped?.Invoke(changed);
                    changed = 0;
                    lastSwap = DateTime.UtcNow;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        consumer.Close();
    }

    private bool Apply(string topic, Message<byte[]?, byte[]?> message)
    {
        var key = message.Key is null ? null : Encoding.UTF8.GetString(message.Key);
        try
        {
            if (topic == _kafka.A1Topic)
            {
                if (message.Value is null)
                {
                    return key is not null && _a1.Remove(key);
                }
                var a1 = ReferenceJsonl.ParseA1(message.Value);
                _a1[a1.DocumentNumber] = a1;
                return true;
            }
            if (message.Value is null)
            {
                return key is not null && _declarations.Remove(key);
            }
            var declaration = ReferenceJsonl.ParseDeclaration(message.Value);
            _declarations[declaration.DeclarationId] = declaration;
            return true;
        }
        catch (JsonException e)
        {
            Log.BadReferenceRecord(logger, topic, key ?? "(no key)", e.Message);
            return false;
        }
    }
}
