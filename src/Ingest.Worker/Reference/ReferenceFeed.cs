using System.Diagnostics;
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
/// null value deletes) are read from the beginning by every worker and applied to the current
/// snapshot as a new immutable one (<see cref="ReferenceSnapshot.With"/>: only the changed records are
/// normalised). An update costs an index build over the whole register (2–2.5 s for 1 M + 1 M
/// records on two cores), so changes are gathered and applied at most once a second, and never
/// sooner after an update than four times what it took: a steady flow of changes costs at most a
/// fifth of a core. Subscribers (the stream worker) re-evaluate the unmatched SEDs an update concerns.
/// </summary>
public sealed class ReferenceFeed(
    IOptions<KafkaOptions> kafkaOptions,
    ReferenceSnapshotHolder holder,
    ILogger<ReferenceFeed> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);
    private const int IntervalPerUpdateCost = 4;

    private readonly KafkaOptions _kafka = kafkaOptions.Value;

    /// <summary>Raised on the feed's thread after each swap.</summary>
    public event Action<ReferenceUpdate>? SnapshotSwapped;

    public long Swaps { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(_kafka.A1Topic) && string.IsNullOrEmpty(_kafka.DeclarationsTopic))
        {
            return;
        }
        var config = KafkaClients.Consumer(_kafka);
        // Every worker needs the whole table: a group of its own, never committed.
        config.GroupId = $"{_kafka.GroupId}-reference-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        // A reference topic created after start-up is picked up within seconds, not minutes.
        config.TopicMetadataRefreshIntervalMs = 2000;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config).SetErrorHandler((_, e) => Log.KafkaError(logger, e.Reason)).Build();
        consumer.Subscribe(new[] { _kafka.A1Topic, _kafka.DeclarationsTopic }.Where(t => !string.IsNullOrEmpty(t)));
        var pending = new ReferenceChanges();
        long missingTopicLogged = 0;
        // The topics are replayed from the beginning at start-up: a second's worth makes the first update.
        var due = Stopwatch.GetTimestamp() + (long)(MinimumInterval.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = KafkaClients.Consume(consumer, TimeSpan.FromMilliseconds(100), logger, ref missingTopicLogged);
                if (record?.Message is { } message)
                {
                    Apply(record.Topic, message, pending);
                }
                if (!pending.IsEmpty && Stopwatch.GetTimestamp() >= due)
                {
                    var started = Stopwatch.GetTimestamp();
                    var update = holder.Current.With(pending);
                    pending = new ReferenceChanges();
                    if (update.RecordsChanged > 0)
                    {
                        holder.Swap(update.Snapshot);
                        Swaps++;
                        Log.ReferenceSwapped(logger, update.RecordsChanged, update.Snapshot.A1Count, update.Snapshot.DeclarationCount);
                        SnapshotSwapped?.Invoke(update);
                    }
                    var took = Stopwatch.GetElapsedTime(started);
                    var interval = took * IntervalPerUpdateCost > MinimumInterval ? took * IntervalPerUpdateCost : MinimumInterval;
                    due = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        consumer.Close();
    }

    private void Apply(string topic, Message<byte[]?, byte[]?> message, ReferenceChanges pending)
    {
        var key = message.Key is null ? null : Encoding.UTF8.GetString(message.Key);
        try
        {
            if (topic == _kafka.A1Topic)
            {
                if (message.Value is null)
                {
                    if (key is not null)
                    {
                        pending.RemoveA1(key);
                    }
                    return;
                }
                pending.Set(ReferenceJsonl.ParseA1(message.Value));
                return;
            }
            if (message.Value is null)
            {
                if (key is not null)
                {
                    pending.RemoveDeclaration(key);
                }
                return;
            }
            pending.Set(ReferenceJsonl.ParseDeclaration(message.Value));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One record the reader cannot take (JSON or otherwise) is logged and passed over: the topic is
            // compacted and replayed from its start, so letting it stop the worker would stop it at every start.
            Log.BadReferenceRecord(logger, topic, key ?? "(no key)", e.Message);
        }
    }
}
