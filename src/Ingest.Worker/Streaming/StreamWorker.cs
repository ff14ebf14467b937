using System.Diagnostics;
using Confluent.Kafka;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Worker.Kafka;
using Ingest.Worker.Reference;
using Ingest.Worker.Options;
using Ingest.Worker.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Worker.Streaming;

/// <summary>
/// Consumes the SED topics in a consumer group and runs each record through the same parser,
/// evaluator and sink as the nightly job. Offsets are stored only after ClickHouse acknowledged
/// the batch holding the record; with the idempotent sink each SED is counted once, whatever
/// crashes, restarts or rebalances happen.
/// </summary>
public sealed class StreamWorker(
    IOptions<KafkaOptions> kafkaOptions,
    IOptions<StreamOptions> streamOptions,
    ISedParser parser,
    ISedEvaluator evaluator,
    ReferenceSnapshotHolder snapshots,
    ReferenceFeed referenceFeed,
    IStreamSinkFactory sinks,
    StreamMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<StreamWorker> logger) : BackgroundService
{
    private readonly KafkaOptions _kafka = kafkaOptions.Value;
    private readonly StreamOptions _options = streamOptions.Value;
    private readonly Dictionary<TopicPartition, long> _pending = [];
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly List<long> _batchTimestamps = [];
    private readonly LatencyRecorder _latency = new();
    private long _firstRecordTicks;
    private readonly RunRecord _run = new() { RunId = RunRecord.NewId("stream"), Kind = "stream" };
    private readonly Queue<(UnitId Unit, Core.Seds.SedRecord Sed)> _unmatched = new();
    private int _referenceUpdates;
    private IResultSink _sink = null!;
    private DeadLetterPublisher _deadLetters = null!;
    private long _batchStarted;
    private int _batchRecords;

    public RunRecord Run => _run;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks; give the loop a thread of its own.
        Task.Factory.StartNew(() => RunLoopAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        _sink = await sinks.CreateAsync(_run.RunId, stoppingToken).ConfigureAwait(false);
        var consumerConfig = KafkaClients.Consumer(_kafka);
        _deadLetters = new DeadLetterPublisher(new ProducerBuilder<byte[]?, byte[]?>(KafkaClients.Producer(_kafka)).Build(), _kafka.DeadLetterTopic);
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(consumerConfig)
            .SetPartitionsAssignedHandler((_, assigned) =>
            {
                _assigned.UnionWith(assigned);
                Log.Assigned(logger, string.Join(",", assigned));
            })
            .SetPartitionsRevokedHandler((_, revoked) => OnRevoked(revoked))
            .SetPartitionsLostHandler((_, lost) => OnLost(lost))
            .SetErrorHandler((_, e) => Log.KafkaError(logger, e.Reason))
            .Build();
        await _sink.RecordRunAsync(_run, stoppingToken).ConfigureAwait(false);
        Log.Started(logger, _run.RunId, string.Join(",", _kafka.Topics), _kafka.GroupId, consumerConfig.BootstrapServers);
        consumer.Subscribe(_kafka.Topics);
        referenceFeed.SnapshotSwapped += _ => Interlocked.Increment(ref _referenceUpdates);
        // Re-evaluation must not count as a second delivery of the same SED (STR-08): no history.
        var reevaluator = new SedEvaluator(snapshots, new EvaluatorOptions { TrackHistory = false });
        var lastRecord = Stopwatch.GetTimestamp();
        var lastRunRow = Stopwatch.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (record is not null && !record.IsPartitionEOF)
                {
                    lastRecord = Stopwatch.GetTimestamp();
                    await ProcessAsync(record, stoppingToken).ConfigureAwait(false);
                    UpdateLag(consumer, record);
                }
                if (_batchRecords >= _options.BatchMaxRecords
                    || (_batchRecords > 0 && Stopwatch.GetElapsedTime(_batchStarted) >= _options.BatchMaxAge))
                {
                    await FlushAndStoreAsync(consumer, stoppingToken).ConfigureAwait(false);
                }
                if (Interlocked.Exchange(ref _referenceUpdates, 0) > 0)
                {
                    await ReevaluateUnmatchedAsync(reevaluator, stoppingToken).ConfigureAwait(false);
                }
                if (Stopwatch.GetElapsedTime(lastRunRow) >= TimeSpan.FromSeconds(30))
                {
                    lastRunRow = Stopwatch.GetTimestamp();
                    await _sink.RecordRunAsync(_run, stoppingToken).ConfigureAwait(false);
                }
                if (_options.ExitWhenIdle > TimeSpan.Zero && _batchRecords == 0 && Stopwatch.GetElapsedTime(lastRecord) >= _options.ExitWhenIdle)
                {
                    if (Drained(consumer))
                    {
                        Log.Idle(logger, _options.ExitWhenIdle);
                        break;
                    }
                    lastRecord = Stopwatch.GetTimestamp(); // not drained (no assignment yet, or lagging): look again later
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful stop: drain below.
        }
        // Drain: what was processed is flushed and its offsets committed before leaving the group.
        await FlushAndStoreAsync(consumer, CancellationToken.None).ConfigureAwait(false);
        TryCommit(consumer);
        consumer.Close();
        _run.Status = "complete";
        _run.FinishedAt = DateTime.UtcNow;
        await _sink.RecordRunAsync(_run, CancellationToken.None).ConfigureAwait(false);
        Log.Stopping(logger, _run.RunId, _run.UnitsIn, _run.Seds, _run.Quarantined);
        if (_latency.Count > 0)
        {
            var active = Stopwatch.GetElapsedTime(_firstRecordTicks).TotalSeconds - (_options.ExitWhenIdle > TimeSpan.Zero ? _options.ExitWhenIdle.TotalSeconds : 0);
            Log.Throughput(logger, _latency.Count, Math.Max(active, 0.001), _latency.Count / Math.Max(active, 0.001), _latency.Percentile(0.5), _latency.Percentile(0.99), _latency.Percentile(1));
        }
        _deadLetters.Dispose();
        await _sink.DisposeAsync().ConfigureAwait(false);
        lifetime.StopApplication();
    }

    private async Task ProcessAsync(ConsumeResult<byte[]?, byte[]?> record, CancellationToken cancellationToken)
    {
        if (_batchRecords == 0)
        {
            _batchStarted = Stopwatch.GetTimestamp();
        }
        if (_firstRecordTicks == 0)
        {
            _firstRecordTicks = Stopwatch.GetTimestamp();
        }
        _batchTimestamps.Add(record.Message.Timestamp.UnixTimestampMs);
        _batchRecords++;
        _run.UnitsIn++;
        metrics.RecordsIn.Add(1);
        var unit = Ingest.Sources.KafkaUnits.FromConsumeResult(record);
        QuarantineRecord? poison;
        ParseOutcomeKind kind;
        using (unit)
        {
            var outcome = parser.Parse(unit);
            kind = outcome.Kind;
            poison = outcome.Error;
            if (outcome.Kind == ParseOutcomeKind.Sed && outcome.Sed is not null)
            {
                try
                {
                    var evaluation = evaluator.Evaluate(unit.Id, outcome.Sed);
                    await _sink.WriteAsync(evaluation, cancellationToken).ConfigureAwait(false);
                    RememberIfUnmatched(evaluation);
                    _run.Seds++;
                    _run.Anomalies += evaluation.Anomalies.Count;
                    _run.RedFlags += evaluation.RedFlag ? 1 : 0;
                    metrics.RecordsOut.Add(1);
                    poison = null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    kind = ParseOutcomeKind.Malformed;
                    poison = new QuarantineRecord { Unit = unit.Id, ErrorCode = "EvaluationFailed", Message = $"{e.GetType().Name}: {e.Message}" };
                }
            }
        }
        if (poison is not null)
        {
            await _sink.QuarantineAsync(poison, kind, cancellationToken).ConfigureAwait(false);
            _deadLetters.Publish(record, poison);
            _run.Quarantined++;
            _run.NotSed += kind == ParseOutcomeKind.NotSed ? 1 : 0;
            metrics.Quarantined.Add(1);
            Log.Poison(logger, unit.Id.ToString(), poison.ErrorCode, poison.Message);
        }
        _pending[record.TopicPartition] = record.Offset.Value + 1;
    }

    private void RememberIfUnmatched(SedEvaluation evaluation)
    {
        if (_options.ReevaluationWindow == 0 || !HasUnmatched(evaluation))
        {
            return;
        }
        _unmatched.Enqueue((evaluation.Unit, evaluation.Sed));
        while (_unmatched.Count > _options.ReevaluationWindow)
        {
            _unmatched.Dequeue();
        }
    }

    private static bool HasUnmatched(SedEvaluation evaluation)
    {
        foreach (var m in evaluation.Matches)
        {
            if (m.Status == MatchStatus.Unmatched)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A SED that arrived before its A1 or declaration: evaluated again against the new snapshot
    /// and written again (same identity, newer row), so its provisional result becomes a match.
    /// </summary>
    private async Task ReevaluateUnmatchedAsync(SedEvaluator reevaluator, CancellationToken cancellationToken)
    {
        var count = _unmatched.Count;
        var matched = 0;
        for (var i = 0; i < count; i++)
        {
            var (unit, sed) = _unmatched.Dequeue();
            var evaluation = reevaluator.Evaluate(unit, sed);
            if (HasUnmatched(evaluation))
            {
                _unmatched.Enqueue((unit, sed));
            }
            else
            {
                matched++;
            }
            if (evaluation.Matches.Exists(m => m.Status != MatchStatus.Unmatched))
            {
                await _sink.WriteAsync(evaluation, cancellationToken).ConfigureAwait(false);
            }
        }
        await FlushSinkAsync(cancellationToken).ConfigureAwait(false);
        Log.Reevaluated(logger, count, matched);
    }

    /// <summary>
    /// Flush the sink (retrying through a ClickHouse outage for as long as it lasts), then the dead
    /// letters, and only then store the offsets: a crash at any point redelivers, never loses.
    /// </summary>
    private async Task FlushAndStoreAsync(IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        if (_batchRecords == 0)
        {
            return;
        }
        await FlushSinkAsync(cancellationToken).ConfigureAwait(false);
        _deadLetters.Flush(cancellationToken);
        metrics.BatchLatency.Record(Stopwatch.GetElapsedTime(_batchStarted).TotalMilliseconds);
        var acknowledged = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var produced in _batchTimestamps)
        {
            _latency.Add(acknowledged - produced);
        }
        _batchTimestamps.Clear();
        foreach (var (tp, next) in _pending)
        {
            try
            {
                consumer.StoreOffset(new TopicPartitionOffset(tp, next));
            }
            catch (KafkaException)
            {
                // The partition was revoked meanwhile: its new owner redelivers those records.
            }
        }
        _pending.Clear();
        _batchRecords = 0;
    }

    /// <summary>
    /// Idle is not enough to stop: a worker replacing a crashed one receives that member's
    /// partitions only once the group has fenced it. Drained means every partition of the SED
    /// topics is read up to its high watermark: by us (position) or by the group (committed).
    /// </summary>
    private bool Drained(IConsumer<byte[]?, byte[]?> consumer)
    {
        if (_assigned.Count == 0)
        {
            return false;
        }
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        foreach (var topic in _kafka.Topics)
        {
            foreach (var partition in admin.GetMetadata(topic, TimeSpan.FromSeconds(5)).Topics[0].Partitions)
            {
                var tp = new TopicPartition(topic, partition.PartitionId);
                var high = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(2)).High;
                if (high.Value <= 0)
                {
                    continue;
                }
                var read = _assigned.Contains(tp)
                    ? consumer.Position(tp)
                    : consumer.Committed([tp], TimeSpan.FromSeconds(2))[0].Offset;
                if (read == Offset.Unset || read.Value < high.Value)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Retries through a ClickHouse outage for as long as it lasts, holding the batch and its offsets.</summary>
    private async Task FlushSinkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _sink.FlushAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Includes HttpClient timeouts (a TaskCanceledException not caused by our token).
                Log.SinkOutage(logger, _batchRecords, _options.OutageRetryDelay, e.Message);
                await Task.Delay(_options.OutageRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void OnRevoked(List<TopicPartitionOffset> revoked)
    {
        foreach (var tpo in revoked)
        {
            _assigned.Remove(tpo.TopicPartition);
        }
        // Called inside Consume on the loop's thread: finish the batch so the new owner starts
        // exactly after what ClickHouse holds.
        if (_batchRecords > 0)
        {
            FlushSinkBlocking();
        }
        Log.Revoked(logger, string.Join(",", revoked));
    }

    private void FlushSinkBlocking()
    {
        while (true)
        {
            try
            {
                _sink.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
                _deadLetters.Flush(CancellationToken.None);
                return;
            }
            catch (Exception e)
            {
                Log.SinkOutage(logger, _batchRecords, _options.OutageRetryDelay, e.Message);
                Thread.Sleep(_options.OutageRetryDelay);
            }
        }
    }

    private void OnLost(List<TopicPartitionOffset> lost)
    {
        foreach (var tpo in lost)
        {
            _assigned.Remove(tpo.TopicPartition);
            _pending.Remove(tpo.TopicPartition);
            metrics.ForgetPartition(tpo.TopicPartition.ToString());
        }
        Log.Lost(logger, string.Join(",", lost));
    }

    private void UpdateLag(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> record)
    {
        var marks = consumer.GetWatermarkOffsets(record.TopicPartition);
        if (marks.High != Offset.Unset)
        {
            metrics.SetLag(record.TopicPartition.ToString(), Math.Max(0, marks.High.Value - record.Offset.Value - 1));
        }
    }

    private static void TryCommit(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException)
        {
            // Nothing stored since the last auto-commit, or the group is gone: nothing to lose.
        }
    }
}
