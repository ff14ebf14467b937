using System.Diagnostics;
using System.Threading.Channels;
using Confluent.Kafka;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Worker.Kafka;
using Ingest.Worker.Options;
using Ingest.Worker.Telemetry;
using Microsoft.Extensions.Logging;
using Ingest.Sources;

namespace Ingest.Worker.Streaming;

/// <summary>
/// The worker's single ordered stage: puts parsed records back in consume order, evaluates them,
/// writes them to the sink, and stores a batch's offsets only after ClickHouse acknowledged it.
/// A full or aged batch is sealed and sent in the background while the next one fills; its
/// offsets are stored, in seal order, when its acknowledgement completes. Being the only writer of
/// the batches and their offsets is what makes barriers (revoke, shutdown, idle) exact without locks.
/// </summary>
internal sealed class StreamProcessor(
    IConsumer<byte[]?, PooledBuffer?> consumer,
    ISedEvaluator evaluator,
    ReferenceSnapshotHolder snapshots,
    IResultSink sink,
    DeadLetterPublisher deadLetters,
    StreamOptions options,
    StreamMetrics metrics,
    RunRecord run,
    ILogger logger)
{
    private readonly Dictionary<long, StreamChunk> _waiting = [];
    private readonly SealedBatches _sealed = new();
    private readonly List<SealedBatch> _released = [];
    private Dictionary<TopicPartition, long> _pending = [];
    private List<long> _batchTimestamps = [];
    private readonly Queue<(UnitId Unit, SedRecord Sed, SedMatchKeys? Keys)> _unmatched = new();
    private readonly PendingReferenceUpdates _updates = new();
    // Re-evaluation must not count as a second delivery of the same SED (STR-08): no history.
    private readonly SedEvaluator _reevaluator = new(snapshots, new EvaluatorOptions { TrackHistory = false });
    private long _next;
    private long _batchStarted;
    private int _batchRecords;
    private long _lastRunRow = Stopwatch.GetTimestamp();
    private long _deadLettersDelivered;
    private long _consumerLag;
    private long _consumed;
    private long _processed;
    private long _joinedAtUnixMs = long.MaxValue;

    public LatencyRecorder Latency { get; } = new();

    /// <summary>
    /// Records done with (written, and not kept for re-evaluation) that the parse workers parse into again;
    /// null when the sink or the evaluator keeps records.
    /// </summary>
    public SpareRecords? SpareRecords { get; } = SpareRecords.For(options.RecycleRecords, sink, evaluator);

    /// <summary>Records produced before the worker joined: their wait measures backlog, not latency.</summary>
    public long Backlog { get; private set; }

    public long FirstRecordTicks { get; private set; }

    /// <summary>Process CPU time when the first record arrived and when the last batch was acknowledged.</summary>
    public TimeSpan FirstRecordCpu { get; private set; }

    public TimeSpan LastAcknowledgedCpu { get; private set; }

    /// <summary>Time the JIT had spent compiling, on all threads, at the same two moments.</summary>
    public TimeSpan FirstRecordJit { get; private set; }

    public TimeSpan LastAcknowledgedJit { get; private set; }

    /// <summary>Records whose batch ClickHouse acknowledged.</summary>
    public long Records { get; private set; }

    public long LastAcknowledgedTicks { get; private set; }

    /// <summary>Set by the consume thread: records behind the high watermarks, over the partitions it reads.</summary>
    public long ConsumerLag
    {
        get => Volatile.Read(ref _consumerLag);
        set => Volatile.Write(ref _consumerLag, value);
    }

    /// <summary>Records the consume thread has passed on (only it writes this).</summary>
    public long Consumed
    {
        get => Volatile.Read(ref _consumed);
        set => Volatile.Write(ref _consumed, value);
    }

    /// <summary>
    /// Behind by more than a batch (in the pipeline and on the brokers): batches are then sealed
    /// by size only. Those records wait anyway, and ClickHouse pays per insert and partition
    /// touched rather than per row, so fewer, larger inserts drain a backlog faster.
    /// </summary>
    private bool Backlogged => ConsumerLag + Consumed - _processed >= options.BatchMaxRecords;

    /// <summary>Called by the consume thread at the first assignment.</summary>
    public void Joined(long unixMs) => Interlocked.CompareExchange(ref _joinedAtUnixMs, unixMs, long.MaxValue);

    /// <summary>Called by the reference feed's thread after each snapshot swap.</summary>
    public void ReferenceUpdated(ReferenceUpdate update) => _updates.Add(update.Touched);

    /// <param name="window">Given back a slot when a chunk's turn comes (the consume thread took it): bounds <see cref="_waiting"/>.</param>
    public async Task RunAsync(ChannelReader<StreamChunk> parsed, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        await foreach (var chunk in parsed.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            _waiting.Add(chunk.Seq, chunk);
            while (_waiting.Remove(_next, out var ready))
            {
                _next++;
                window.Release();
                foreach (var entry in ready.Entries)
                {
                    await HandleAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                await StoreAcknowledgedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        if (_waiting.Count != 0)
        {
            throw new InvalidOperationException($"stream pipeline lost order: {_waiting.Count} record(s) waiting for #{_next}");
        }
        await FlushAndStoreAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Record is { } record)
        {
            await ProcessAsync(entry, record, cancellationToken).ConfigureAwait(false);
        }
        else if (entry.Control is { } control)
        {
            try
            {
                await ControlAsync(control, cancellationToken).ConfigureAwait(false);
                control.Done.TrySetResult();
            }
            catch (Exception e)
            {
                control.Done.TrySetException(e);
                throw;
            }
        }
        // An aged batch goes once the previous one has landed, not behind it: while ClickHouse
        // inserts, the next batch keeps filling, so batches grow with the load (fewer, larger
        // inserts when draining a backlog) and stay small and prompt when the stream is light.
        if (_batchRecords >= options.BatchMaxRecords
            || (_batchRecords > 0 && !_sealed.Sending && !Backlogged && Stopwatch.GetElapsedTime(_batchStarted) >= options.BatchMaxAge))
        {
            await SealAsync(cancellationToken).ConfigureAwait(false);
        }
        if (_updates.Take() is { } concern)
        {
            await ReevaluateUnmatchedAsync(concern, cancellationToken).ConfigureAwait(false);
        }
        if (Stopwatch.GetElapsedTime(_lastRunRow) >= TimeSpan.FromSeconds(30))
        {
            _lastRunRow = Stopwatch.GetTimestamp();
            try
            {
                await sink.RecordRunAsync(run, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A progress report: an outage must not stop the stage (the next one, or the final row, says it).
                Log.RunRowSkipped(logger, e.Message);
            }
        }
    }

    private async Task ControlAsync(StreamControl control, CancellationToken cancellationToken)
    {
        switch (control.Kind)
        {
            case StreamControlKind.Barrier:
                await FlushAndStoreAsync(cancellationToken).ConfigureAwait(false);
                break;
            case StreamControlKind.Lost:
                foreach (var tp in control.Partitions!)
                {
                    _pending.Remove(tp);
                }
                _sealed.Forget(control.Partitions!);
                break;
        }
    }

    private async Task ProcessAsync(StreamEntry entry, ConsumeResult<byte[]?, PooledBuffer?> record, CancellationToken cancellationToken)
    {
        if (_batchRecords == 0)
        {
            _batchStarted = Stopwatch.GetTimestamp();
        }
        if (FirstRecordTicks == 0)
        {
            FirstRecordTicks = Stopwatch.GetTimestamp();
            FirstRecordCpu = Environment.CpuUsage.TotalTime;
            FirstRecordJit = System.Runtime.JitInfo.GetCompilationTime();
        }
        _batchTimestamps.Add(record.Message.Timestamp.UnixTimestampMs);
        _batchRecords++;
        _processed++;
        run.UnitsIn++;
        var outcome = entry.Outcome;
        var kind = outcome.Kind;
        var poison = outcome.Error;
        SedEvaluation? evaluation = null;
        if (kind == ParseOutcomeKind.Sed && outcome.Sed is not null)
        {
            try
            {
                if (entry.PrepareError is { } failed)
                {
                    throw failed;
                }
                evaluation = evaluator.Complete(entry.Unit, outcome.Sed, entry.Prepared);
                poison = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A rule or matcher crash must not stall the partition: the record is poison.
                kind = ParseOutcomeKind.Malformed;
                poison = new QuarantineRecord { Unit = entry.Unit, ErrorCode = "EvaluationFailed", Message = $"{e.GetType().Name}: {e.Message}" };
            }
        }
        if (evaluation is not null)
        {
            try
            {
                await WriteAsync(() => sink.WriteAsync(evaluation, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (UnwritableResultException e)
            {
                // None of its rows were kept: the record is poison, as a rule that crashed on it.
                kind = ParseOutcomeKind.Malformed;
                poison = e.ToQuarantine();
                evaluation = null;
            }
        }
        if (evaluation is not null)
        {
            if (!RememberIfUnmatched(evaluation))
            {
                SpareRecords?.Return(evaluation.Sed);
            }
            run.Seds++;
            run.Anomalies += evaluation.Anomalies.Count;
            run.RedFlags += evaluation.RedFlag ? 1 : 0;
            metrics.RecordsOut.Add(1);
        }
        else
        {
            poison ??= new QuarantineRecord { Unit = entry.Unit, ErrorCode = "ParserGaveNoReason", Message = "the parser rejected the record without an error record" };
            await WriteAsync(() => sink.QuarantineAsync(poison, kind, cancellationToken), cancellationToken).ConfigureAwait(false);
            deadLetters.Publish(record, poison);
            run.Quarantined++;
            run.NotSed += kind == ParseOutcomeKind.NotSed ? 1 : 0;
            metrics.Quarantined.Add(1);
            Log.Poison(logger, entry.Unit.ToString(), poison.ErrorCode, poison.Message);
        }
        _pending[record.TopicPartition] = record.Offset.Value + 1;
        // Parsed, evaluated, dead-lettered if poison: the record's bytes go back to the pool.
        record.Message.Value?.Dispose();
    }

    /// <summary>True when the SED's record is kept for re-evaluation (so it is not recycled).</summary>
    private bool RememberIfUnmatched(SedEvaluation evaluation)
    {
        if (options.ReevaluationWindow == 0 || !HasUnmatched(evaluation))
        {
            return false;
        }
        // Its match keys are worked out when the first reference update comes: most SEDs never need them.
        _unmatched.Enqueue((evaluation.Unit, evaluation.Sed, null));
        while (_unmatched.Count > options.ReevaluationWindow)
        {
            // The eviction shortens the window whether or not records are recycled.
            var (_, evicted, _) = _unmatched.Dequeue();
            SpareRecords?.Return(evicted);
        }
        return true;
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
    /// Only the SEDs the updates concern (sharing a match key with a changed record) are evaluated
    /// again: the others cannot gain or lose a candidate, so their matches cannot have changed. (A
    /// rule reading other people's records, such as an employer's register, may still read the update
    /// differently; the nightly run evaluates everything again.) The window keeps its order.
    /// </summary>
    private async Task ReevaluateUnmatchedAsync(PendingReferenceUpdates.Concern concern, CancellationToken cancellationToken)
    {
        var count = _unmatched.Count;
        var reevaluated = 0;
        var matched = 0;
        for (var i = 0; i < count; i++)
        {
            var (unit, sed, keys) = _unmatched.Dequeue();
            SedEvaluation evaluation;
            bool stillUnmatched;
            try
            {
                if (!concern.All)
                {
                    // Against the new snapshot, so the keys lead to the records it added; a removed record
                    // cannot turn an unmatched SED into a match.
                    keys ??= _reevaluator.MatchKeysOf(sed);
                    if (!concern.Concerns(keys.Value))
                    {
                        _unmatched.Enqueue((unit, sed, keys));
                        continue;
                    }
                }
                reevaluated++;
                evaluation = _reevaluator.Evaluate(unit, sed);
                stillUnmatched = HasUnmatched(evaluation);
                if (stillUnmatched)
                {
                    // The update may have brought records that lead to more keys (a PIN's other names).
                    _unmatched.Enqueue((unit, sed, _reevaluator.MatchKeysOf(sed)));
                }
            }
            catch (Exception e)
            {
                // A rule that throws on the new reference data must not stop the stream: the SED keeps the
                // provisional result already in ClickHouse, and the nightly run evaluates it again.
                Log.ReevaluationFailed(logger, unit.ToString(), e.Message);
                SpareRecords?.Return(sed);
                continue;
            }
            if (!stillUnmatched)
            {
                matched++;
            }
            if (evaluation.Matches.Exists(m => m.Status != MatchStatus.Unmatched))
            {
                try
                {
                    await WriteAsync(() => sink.WriteAsync(evaluation, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (UnwritableResultException e)
                {
                    // Nothing of the new result was kept: the provisional one stays, as for a rule that threw.
                    Log.ReevaluationFailed(logger, unit.ToString(), e.Message);
                }
            }
            if (!stillUnmatched)
            {
                SpareRecords?.Return(sed);
            }
        }
        if (reevaluated > 0)
        {
            // Updates come as often as once a second: only those that concerned a waiting SED are logged.
            await FlushSinkAsync(cancellationToken).ConfigureAwait(false);
            Log.Reevaluated(logger, reevaluated, count, matched);
        }
    }

    /// <summary>
    /// Hands the batch to the sink, which sends it behind the one in flight; its offsets wait in
    /// <see cref="_sealed"/> for the acknowledgement. A sink that cannot pipeline is flushed instead.
    /// </summary>
    private async Task SealAsync(CancellationToken cancellationToken)
    {
        if (sink is not IPipelinedResultSink pipelined)
        {
            await FlushAndStoreAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        Task acknowledged;
        try
        {
            acknowledged = await pipelined.SealAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The previous send failed: retry through the outage, then everything is durable.
            Log.SinkOutage(logger, _batchRecords, options.OutageRetryDelay, e.Message);
            await FlushAndStoreAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        _sealed.Add(new SealedBatch(acknowledged, _pending, _batchTimestamps, _batchStarted, deadLetters.Published));
        _pending = [];
        _batchTimestamps = [];
        _batchRecords = 0;
    }

    /// <summary>Stores the offsets of the batches acknowledged so far, in seal order.</summary>
    private async Task StoreAcknowledgedAsync(CancellationToken cancellationToken)
    {
        if (_sealed.Count == 0)
        {
            return;
        }
        if (!_sealed.ReleaseAcknowledged(_released))
        {
            Store(cancellationToken);
            // A send failed: the flush resends it (through the outage, however long) and all after it.
            await FlushAndStoreAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        Store(cancellationToken);
    }

    /// <summary>
    /// Flush the sink (retrying through a ClickHouse outage for as long as it lasts), then the dead
    /// letters, and only then store the offsets: a crash at any point redelivers, never loses.
    /// </summary>
    private async Task FlushAndStoreAsync(CancellationToken cancellationToken)
    {
        if (_batchRecords == 0 && _sealed.Count == 0)
        {
            return;
        }
        await FlushSinkAsync(cancellationToken).ConfigureAwait(false);
        _sealed.ReleaseAll(_released);
        if (_batchRecords > 0)
        {
            _released.Add(new SealedBatch(Task.CompletedTask, _pending, _batchTimestamps, _batchStarted, deadLetters.Published));
            _pending = [];
            _batchTimestamps = [];
            _batchRecords = 0;
        }
        Store(cancellationToken);
    }

    /// <summary>Stores the offsets of the released (durable) batches, after their dead letters are delivered.</summary>
    private void Store(CancellationToken cancellationToken)
    {
        if (_released.Count == 0)
        {
            return;
        }
        var last = _released[^1];
        if (last.DeadLetters > _deadLettersDelivered)
        {
            deadLetters.Flush(cancellationToken);
            _deadLettersDelivered = last.DeadLetters;
        }
        LastAcknowledgedTicks = Stopwatch.GetTimestamp();
        LastAcknowledgedCpu = Environment.CpuUsage.TotalTime;
        LastAcknowledgedJit = System.Runtime.JitInfo.GetCompilationTime();
        var acknowledged = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var joined = Interlocked.Read(ref _joinedAtUnixMs);
        foreach (var batch in _released)
        {
            metrics.BatchLatency.Record(Stopwatch.GetElapsedTime(batch.StartedTicks).TotalMilliseconds);
            foreach (var produced in batch.ProducedAt)
            {
                if (produced >= joined)
                {
                    Latency.Add(acknowledged - produced);
                }
                else
                {
                    Backlog++;
                }
            }
            Records += batch.ProducedAt.Count;
            foreach (var (tp, next) in batch.Offsets)
            {
                try
                {
                    consumer.StoreOffset(new TopicPartitionOffset(tp, next));
                }
                catch (KafkaException)
                {
                    // The partition was revoked or lost meanwhile: its new owner redelivers those records.
                }
            }
        }
        _released.Clear();
    }

    /// <summary>
    /// The sink buffers a row before a due flush can fail, so a failed write is finished by
    /// flushing again, never by writing the row twice. A result the sink cannot encode is no outage:
    /// it is thrown on, nothing of it buffered.
    /// </summary>
    private async Task WriteAsync(Func<ValueTask> write, CancellationToken cancellationToken)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not UnwritableResultException)
        {
            Log.SinkOutage(logger, _batchRecords, options.OutageRetryDelay, e.Message);
            await Task.Delay(options.OutageRetryDelay, cancellationToken).ConfigureAwait(false);
            await FlushSinkAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task FlushSinkAsync(CancellationToken cancellationToken) =>
        WithOutageRetry(() => new ValueTask(sink.FlushAsync(cancellationToken)), cancellationToken);

    /// <summary>Retries through a ClickHouse outage for as long as it lasts, holding the batch and its offsets.</summary>
    private async Task WithOutageRetry(Func<ValueTask> write, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await write().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Includes HttpClient timeouts (a TaskCanceledException not caused by our token).
                Log.SinkOutage(logger, _batchRecords, options.OutageRetryDelay, e.Message);
                await Task.Delay(options.OutageRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
