using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Batches rows per table and sends each batch as binary inserts. A batch that fills up or ages is
/// sent in the background while the next one fills (one send in flight at most), so the stage that
/// writes keeps evaluating instead of waiting for ClickHouse; <see cref="FlushAsync"/> waits for
/// everything. Not thread-safe: one sink stage owns it. Memory is bounded by two batches of
/// <see cref="ClickHouseOptions.BatchRows"/> rows per table.
/// </summary>
public sealed class ClickHouseResultSink(ClickHouseStore store, string runId, TimeProvider? clock = null) : IPipelinedResultSink
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromOptions(store.Options);
    private Batch _filling = new();
    // The batch being sent, or one whose send failed (kept whole until it lands: a retry resends
    // only the tables still holding rows).
    private Batch? _sending;
    private Task _inFlight = Task.CompletedTask;
    private long _oldestPendingTicks;
    private ulong _lastEvaluation;
    private long _rowsWritten;

    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

    /// <summary>
    /// Whether a partly filled batch is sent once it is older than the configured age. A writer that
    /// decides itself when batches go (<see cref="SealAsync"/>) turns this off, so that inserts are
    /// few and large: each insert costs ClickHouse a part per partition touched, whatever its size.
    /// </summary>
    public bool SendsWhenAged { get; init; } = true;

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        var now = Now();
        var stamp = NextEvaluationStamp(now);
        MarkPending();
        var batch = _filling;
        // Parsed once: every row of the SED carries it (the partition key of each table).
        var received = RowMapper.Timestamp(evaluation.Sed.Envelope.ReceivedAt);
        batch.Seds.Add(RowMapper.SedDocument(evaluation, received, runId, now, stamp, _pseudonymizer));
        if (evaluation.RedFlag)
        {
            batch.Review.Add(RowMapper.Review(evaluation, received, runId, now, stamp));
        }
        foreach (var match in evaluation.Matches)
        {
            batch.Matches.Add(RowMapper.Match(evaluation, match, received, runId, now));
        }
        foreach (var anomaly in evaluation.Anomalies)
        {
            batch.Anomalies.Add(RowMapper.Anomaly(evaluation, anomaly, received, runId, now, stamp));
        }
        return SendIfDueAsync(cancellationToken);
    }

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken)
    {
        MarkPending();
        var outcome = kind == ParseOutcomeKind.NotSed ? "not-sed" : "malformed";
        _filling.Quarantine.Add(RowMapper.Quarantine(record, outcome, runId, Now(), store.Options.MaxRawBytesKept));
        return SendIfDueAsync(cancellationToken);
    }

    /// <summary>True when a partly filled batch has waited longer than the configured age.</summary>
    public bool IsDue =>
        SendsWhenAged && _oldestPendingTicks != 0 && _clock.GetElapsedTime(_oldestPendingTicks) >= store.Options.MaxBatchAge;

    /// <summary>Rows written and not yet acknowledged by ClickHouse.</summary>
    public int PendingRows => _filling.Rows + (_sending?.Rows ?? 0);

    /// <summary>Returns once every row written so far is in ClickHouse; throws if a send failed (call again to retry).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await CompleteSendingAsync(cancellationToken).ConfigureAwait(false);
        var batch = _filling;
        _oldestPendingTicks = 0;
        _sending = batch;
        _filling = new Batch();
        await CompleteSendingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seals the rows written so far and sends them behind the send in flight (one at most, so this
    /// waits for it). Sends run in order and each starts only after the previous one landed, so
    /// the returned task's success means every row written before the seal is in ClickHouse.
    /// </summary>
    public async ValueTask<Task> SealAsync(CancellationToken cancellationToken)
    {
        await CompleteSendingAsync(cancellationToken).ConfigureAwait(false);
        StartSending(cancellationToken);
        return _inFlight;
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        store.InsertAsync(Tables.Runs, [RowMapper.Run(run, Now())], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (PendingRows > 0 || !_inFlight.IsCompleted)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask SendIfDueAsync(CancellationToken cancellationToken)
    {
        var batch = _filling;
        var rows = store.Options.BatchRows;
        var full = batch.Seds.Count >= rows || batch.Matches.Count >= rows || batch.Anomalies.Count >= rows || batch.Quarantine.Count >= rows;
        // An aged batch does not queue behind the send in flight: it keeps filling and goes when
        // the sender is free, so the writer never waits for ClickHouse because of age alone.
        if (!full && !(IsDue && _inFlight.IsCompleted))
        {
            return;
        }
        // At most one send in flight: a second full batch waits for the first to land.
        await CompleteSendingAsync(cancellationToken).ConfigureAwait(false);
        StartSending(cancellationToken);
    }

    private void StartSending(CancellationToken cancellationToken)
    {
        var batch = _filling;
        _oldestPendingTicks = 0;
        _sending = batch;
        _filling = new Batch();
        // On the thread pool: the writer goes on evaluating while the rows are serialised.
        _inFlight = Task.Run(() => SendAsync(batch, cancellationToken), CancellationToken.None);
    }

    /// <summary>Waits for the send in flight; resends a batch whose send failed before.</summary>
    private async Task CompleteSendingAsync(CancellationToken cancellationToken)
    {
        var inFlight = _inFlight;
        _inFlight = Task.CompletedTask;
        await inFlight.ConfigureAwait(false);
        if (_sending is { } failedOrUnsent)
        {
            await SendAsync(failedOrUnsent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(Batch batch, CancellationToken cancellationToken)
    {
        // Documents last: a document row is the marker that its results landed, so a crash between
        // inserts leaves at worst results without a document, which a replay then completes. The
        // results go together: each insert is mostly a round trip and the server writing parts.
        await Task.WhenAll(
            SendAsync(Tables.Quarantine, batch.Quarantine, cancellationToken),
            SendAsync(Tables.MatchResults, batch.Matches, cancellationToken),
            SendAsync(Tables.Anomalies, batch.Anomalies, cancellationToken),
            SendAsync(Tables.ReviewQueue, batch.Review, cancellationToken)).ConfigureAwait(false);
        await SendAsync(Tables.SedDocuments, batch.Seds, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(_sending, batch))
        {
            _sending = null;
        }
    }

    private async Task SendAsync(TableSpec table, List<object[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await store.InsertAsync(table, rows, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _rowsWritten, rows.Count);
        rows.Clear();
    }

    /// <summary>UTC ticks, strictly increasing within this sink: a later evaluation always has the larger stamp.</summary>
    private ulong NextEvaluationStamp(DateTime now)
    {
        _lastEvaluation = Math.Max((ulong)now.Ticks, _lastEvaluation + 1);
        return _lastEvaluation;
    }

    private void MarkPending()
    {
        if (_oldestPendingTicks == 0)
        {
            _oldestPendingTicks = _clock.GetTimestamp();
        }
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private sealed class Batch
    {
        public readonly List<object[]> Seds = [];
        public readonly List<object[]> Matches = [];
        public readonly List<object[]> Anomalies = [];
        public readonly List<object[]> Quarantine = [];
        public readonly List<object[]> Review = [];

        public int Rows => Seds.Count + Matches.Count + Anomalies.Count + Quarantine.Count + Review.Count;
    }
}
