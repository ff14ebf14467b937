using System.Diagnostics;
using System.Threading.Channels;
using Confluent.Kafka;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching.Indexes;
using Ingest.Worker.Kafka;
using Ingest.Worker.Options;
using Ingest.Worker.Reference;
using Ingest.Worker.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ingest.Sources;

namespace Ingest.Worker.Streaming;

/// <summary>
/// Consumes the SED topics in a consumer group and runs each record through the same parser,
/// evaluator and sink as the nightly job: consume (its own thread) → parse (one worker per core)
/// → <see cref="StreamProcessor"/> (consume order: evaluate, sink, offsets), on bounded channels.
/// Offsets are stored only after ClickHouse acknowledged the batch holding the record; with the
/// idempotent sink each SED is counted once, whatever crashes, restarts or rebalances happen.
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
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly Dictionary<TopicPartition, long> _lastInChunk = [];
    private readonly Dictionary<TopicPartition, long> _lag = [];
    private readonly Dictionary<TopicPartition, string> _partitionNames = [];
    private readonly RunRecord _run = new() { RunId = RunRecord.NewId("stream"), Kind = "stream" };
    private Channel<StreamChunk> _consumed = null!;
    private List<StreamEntry> _chunk = [];
    private StreamProcessor _processor = null!;
    private SemaphoreSlim _window = null!;
    private Task _pipeline = Task.CompletedTask;
    private long _seq;
    private bool _closed;

    public RunRecord Run => _run;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks; give the loop a thread of its own.
        Task.Factory.StartNew(() => RunLoopAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        if (_options.PrepareCode)
        {
            var (methods, elapsed) = CodePreparation.Prepare(CodePreparation.EngineAssemblies(typeof(StreamWorker), parser.GetType(), evaluator.GetType(), sinks.GetType()));
            Log.CodePrepared(logger, methods, elapsed.TotalSeconds);
        }
        var sink = await sinks.CreateAsync(_run.RunId, stoppingToken).ConfigureAwait(false);
        var consumerConfig = KafkaClients.Consumer(_kafka);
        using var deadLetters = new DeadLetterPublisher(new ProducerBuilder<byte[]?, byte[]?>(KafkaClients.Producer(_kafka)).Build(), _kafka.DeadLetterTopic, logger);
        using var consumer = new ConsumerBuilder<byte[]?, PooledBuffer?>(consumerConfig)
            .SetValueDeserializer(PooledValueDeserializer.Instance)
            .SetPartitionsAssignedHandler((_, assigned) => OnAssigned(assigned))
            .SetPartitionsRevokedHandler((_, revoked) => OnRevoked(revoked))
            .SetPartitionsLostHandler((_, lost) => OnLost(lost))
            .SetErrorHandler((_, e) => Log.KafkaError(logger, e.Reason))
            .Build();
        await sink.RecordRunAsync(_run, stoppingToken).ConfigureAwait(false);
        _processor = new StreamProcessor(consumer, evaluator, snapshots, sink, deadLetters, _options, metrics, _run, logger);
        referenceFeed.SnapshotSwapped += _processor.ReferenceUpdated;
        _pipeline = StartPipeline();
        Log.Started(logger, _run.RunId, string.Join(",", _kafka.Topics), _kafka.GroupId,
            consumerConfig.GroupProtocol == GroupProtocol.Consumer ? "consumer" : "classic cooperative-sticky", consumerConfig.BootstrapServers);
        consumer.Subscribe(_kafka.Topics);
        try
        {
            ConsumeLoop(consumer, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful stop: drain below.
        }
        // Drain: what was consumed is processed, flushed and its offsets committed before leaving the group.
        _consumed.Writer.TryComplete();
        await _pipeline.ConfigureAwait(false);
        _closed = true;
        TryCommit(consumer);
        consumer.Close();
        _run.Status = "complete";
        _run.FinishedAt = DateTime.UtcNow;
        await sink.RecordRunAsync(_run, CancellationToken.None).ConfigureAwait(false);
        Log.Stopping(logger, _run.RunId, _run.UnitsIn, _run.Seds, _run.Quarantined);
        ReportThroughput();
        await sink.DisposeAsync().ConfigureAwait(false);
        lifetime.StopApplication();
    }

    private Task StartPipeline()
    {
        var capacity = _options.ChannelCapacity;
        _consumed = Channel.CreateBounded<StreamChunk>(new BoundedChannelOptions(capacity) { SingleWriter = true });
        var parsed = Channel.CreateBounded<StreamChunk>(new BoundedChannelOptions(capacity) { SingleReader = true });
        var workers = new Task[Math.Max(1, _options.ParseWorkers)];
        // Chunks between the consume thread and the in-order processor: the channels bound what waits
        // in them, the window also bounds what finished parsing out of order behind a slow chunk.
        _window = new SemaphoreSlim(2 * Math.Max(1, capacity) + workers.Length);
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => ParseAsync(_consumed.Reader, parsed.Writer));
        }
        var parsing = Task.WhenAll(workers).ContinueWith(t => parsed.Writer.TryComplete(t.Exception), TaskScheduler.Default);
        // The processor runs to the end of its channel even when the host is stopping: that is the drain.
        var processing = Task.Run(() => _processor.RunAsync(parsed.Reader, _window, CancellationToken.None));
        // The pipeline fails as soon as the ordered stage does: waiting for both stages would wait for ever,
        // the parse workers blocked handing chunks to a stage that no longer reads them (closing its channel
        // releases them), and the consume thread would never see the error that should end the worker.
        var pipeline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        processing.ContinueWith(t =>
        {
            parsed.Writer.TryComplete(t.Exception!.GetBaseException());
            pipeline.TrySetException(t.Exception.InnerExceptions);
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        Task.WhenAll(parsing, processing).ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                pipeline.TrySetException(t.Exception!.InnerExceptions);
            }
            else
            {
                pipeline.TrySetResult();
            }
        }, TaskScheduler.Default);
        return pipeline.Task;
    }

    private void ConsumeLoop(IConsumer<byte[]?, PooledBuffer?> consumer, CancellationToken stoppingToken)
    {
        var lastRecord = Stopwatch.GetTimestamp();
        long missingTopicLogged = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_pipeline.IsFaulted)
            {
                _pipeline.GetAwaiter().GetResult(); // the pipeline's error ends the worker, loudly
            }
            // Wait for one record, then take what is already fetched without waiting, up to a chunk.
            var record = KafkaClients.Consume(consumer, TimeSpan.FromMilliseconds(50), logger, ref missingTopicLogged);
            var records = 0;
            while (record is not null)
            {
                if (!record.IsPartitionEOF)
                {
                    records++;
                    _chunk.Add(new StreamEntry { Record = record });
                    _lastInChunk[record.TopicPartition] = record.Offset.Value;
                }
                record = _chunk.Count < _options.ChunkRecords ? KafkaClients.Consume(consumer, TimeSpan.Zero, logger, ref missingTopicLogged) : null;
            }
            if (records > 0)
            {
                lastRecord = Stopwatch.GetTimestamp();
                metrics.RecordsIn.Add(records);
                _processor.Consumed += records;
                UpdateLag(consumer);
            }
            else
            {
                // Nothing fetched for a while: not behind, whatever the last lag said.
                _processor.ConsumerLag = 0;
                _chunk.Add(new StreamEntry { Control = StreamControl.Tick });
            }
            EnqueueChunk();
            if (_options.ExitWhenIdle > TimeSpan.Zero && Stopwatch.GetElapsedTime(lastRecord) >= _options.ExitWhenIdle)
            {
                Barrier();
                if (Drained(consumer))
                {
                    Log.Idle(logger, _options.ExitWhenIdle);
                    return;
                }
                lastRecord = Stopwatch.GetTimestamp(); // not drained (no assignment yet, or lagging): look again later
            }
        }
    }

    /// <summary>Blocking write on the consume thread: a full pipeline pauses consumption (back-pressure).</summary>
    private void EnqueueChunk()
    {
        if (_chunk.Count == 0)
        {
            return;
        }
        var chunk = new StreamChunk(_seq++, _chunk);
        _chunk = new List<StreamEntry>(Math.Min(_options.ChunkRecords, 64));
        while (!_window.Wait(TimeSpan.FromMilliseconds(100)))
        {
            if (_pipeline.IsCompleted)
            {
                _pipeline.GetAwaiter().GetResult(); // the pipeline's error ends the worker, loudly
                throw new InvalidOperationException("the stream pipeline ended while records were still coming in");
            }
        }
        if (!_consumed.Writer.TryWrite(chunk))
        {
            _consumed.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits until everything consumed so far is in ClickHouse and its offsets are stored.</summary>
    private void Barrier()
    {
        var control = new StreamControl(StreamControlKind.Barrier, null);
        _chunk.Add(new StreamEntry { Control = control });
        EnqueueChunk();
        Task.WhenAny(control.Done.Task, _pipeline).GetAwaiter().GetResult();
        if (!control.Done.Task.IsCompleted)
        {
            _pipeline.GetAwaiter().GetResult();
            throw new InvalidOperationException("the stream pipeline ended before the barrier");
        }
        control.Done.Task.GetAwaiter().GetResult();
    }

    private async Task ParseAsync(ChannelReader<StreamChunk> reader, ChannelWriter<StreamChunk> writer)
    {
        await foreach (var chunk in reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var entry in chunk.Entries)
            {
                if (entry.Record is { } record)
                {
                    Parse(entry, record);
                }
            }
            await writer.WriteAsync(chunk).ConfigureAwait(false);
        }
    }

    private void Parse(StreamEntry entry, ConsumeResult<byte[]?, PooledBuffer?> record)
    {
        using var unit = Ingest.Sources.KafkaUnits.FromConsumeResult(record);
        entry.Unit = unit.Id;
        try
        {
            var spares = _processor.SpareRecords;
            entry.Outcome = spares is null ? parser.Parse(unit) : spares.Parse(parser, unit);
            if (entry.Outcome.Sed is { } parsed)
            {
                StandInIdentity.AssignIfMissing(parsed, unit.Payload);
            }
        }
        catch (Exception e)
        {
            // The parser promises never to throw on bad input; if it does, the record is poison, not the worker.
            entry.Outcome = new ParseOutcome(ParseOutcomeKind.Malformed, null, new QuarantineRecord { Unit = unit.Id, ErrorCode = "ParseFailed", Message = $"{e.GetType().Name}: {e.Message}" });
            return;
        }
        if (entry.Outcome is { Kind: ParseOutcomeKind.Sed, Sed: { } sed })
        {
            try
            {
                entry.Prepared = evaluator.Prepare(entry.Unit, sed);
            }
            catch (Exception e)
            {
                entry.PrepareError = e;
            }
        }
    }

    private void OnAssigned(List<TopicPartition> assigned)
    {
        _assigned.UnionWith(assigned);
        _processor.Joined(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Log.Assigned(logger, string.Join(",", assigned));
    }

    /// <summary>
    /// Called inside Consume on the consume thread: everything consumed so far is finished before
    /// the partitions go, so the new owner starts exactly after what ClickHouse holds.
    /// </summary>
    private void OnRevoked(List<TopicPartitionOffset> revoked)
    {
        if (!_closed)
        {
            Barrier();
        }
        foreach (var tpo in revoked)
        {
            _assigned.Remove(tpo.TopicPartition);
            _lag.Remove(tpo.TopicPartition);
            // Another member reports its lag now: a frozen gauge here would count it twice.
            metrics.ForgetPartition(tpo.TopicPartition.ToString());
        }
        Log.Revoked(logger, string.Join(",", revoked));
    }

    private void OnLost(List<TopicPartitionOffset> lost)
    {
        var partitions = new List<TopicPartition>(lost.Count);
        foreach (var tpo in lost)
        {
            _assigned.Remove(tpo.TopicPartition);
            _lag.Remove(tpo.TopicPartition);
            partitions.Add(tpo.TopicPartition);
            metrics.ForgetPartition(tpo.TopicPartition.ToString());
        }
        if (!_closed)
        {
            _chunk.Add(new StreamEntry { Control = new StreamControl(StreamControlKind.Lost, partitions) });
            EnqueueChunk();
        }
        Log.Lost(logger, string.Join(",", lost));
    }

    /// <summary>
    /// Idle is not enough to stop: a worker replacing a crashed one receives that member's
    /// partitions only once the group has fenced it. Drained means every partition of the SED
    /// topics is read up to its high watermark: by us (position) or by the group (committed, also for
    /// a partition of ours that has yielded nothing since it was assigned).
    /// </summary>
    private bool Drained(IConsumer<byte[]?, PooledBuffer?> consumer)
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
                var marks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(2));
                var high = marks.High;
                // Empty, or every record gone with retention: nothing left to read there.
                if (high.Value <= 0 || high.Value <= marks.Low.Value)
                {
                    continue;
                }
                // A partition of ours that has yielded no record since it was assigned has no position
                // (librdkafka sets it from consumed records only): where it was read up to is then
                // what the group committed, as for a partition of another member.
                var read = _assigned.Contains(tp) ? consumer.Position(tp) : Offset.Unset;
                if (read == Offset.Unset)
                {
                    read = consumer.Committed([tp], TimeSpan.FromSeconds(2))[0].Offset;
                }
                if (read == Offset.Unset || read.Value < high.Value)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Lag per partition from the last record of each in the chunk (cached watermarks, no broker
    /// round trip); the processor adds what is consumed and not yet processed to know the backlog.
    /// </summary>
    private void UpdateLag(IConsumer<byte[]?, PooledBuffer?> consumer)
    {
        foreach (var (tp, offset) in _lastInChunk)
        {
            if (!_assigned.Contains(tp))
            {
                // Revoked or lost since its record was consumed (inside this chunk's polls): its new
                // owner reports its lag, and a gauge set again here would count it twice.
                continue;
            }
            var marks = consumer.GetWatermarkOffsets(tp);
            if (marks.High != Offset.Unset)
            {
                var lag = Math.Max(0, marks.High.Value - offset - 1);
                _lag[tp] = lag;
                if (!_partitionNames.TryGetValue(tp, out var name))
                {
                    name = tp.ToString();
                    _partitionNames[tp] = name;
                }
                metrics.SetLag(name, lag);
            }
        }
        _lastInChunk.Clear();
        long total = 0;
        foreach (var lag in _lag.Values)
        {
            total += lag;
        }
        _processor.ConsumerLag = total;
    }

    /// <summary>
    /// Rate over every record (first consumed → last batch acknowledged: a backlog drain measures
    /// the sustained rate), and end-to-end latency of the records produced while the worker ran (a
    /// backlog found at start-up measures the producer's head start, not us).
    /// </summary>
    private void ReportThroughput()
    {
        var p = _processor;
        if (p.Records > 0 && p.FirstRecordTicks != 0)
        {
            var active = Math.Max(Stopwatch.GetElapsedTime(p.FirstRecordTicks, p.LastAcknowledgedTicks).TotalSeconds, 0.001);
            var cpu = (p.LastAcknowledgedCpu - p.FirstRecordCpu).TotalSeconds;
            Log.Throughput(logger, p.Records, active, p.Records / active, cpu, cpu * 100_000 / p.Records, (p.LastAcknowledgedJit - p.FirstRecordJit).TotalSeconds);
        }
        Log.GcSummary(logger, GC.GetTotalAllocatedBytes() / 1e6, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetGCMemoryInfo().HeapSizeBytes / 1e6,
            GC.GetConfigurationVariables().GetValueOrDefault("GCConserveMem", 0L));
        var latency = p.Latency;
        if (latency.Count > 0)
        {
            Log.Latency(logger, latency.Count, latency.Percentile(0.5), latency.Percentile(0.99), latency.Percentile(1), p.Backlog);
        }
    }

    private static void TryCommit(IConsumer<byte[]?, PooledBuffer?> consumer)
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
