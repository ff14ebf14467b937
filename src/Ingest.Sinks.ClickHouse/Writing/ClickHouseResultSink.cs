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
    private TableEncoders? _encoders;

    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

    /// <summary>
    /// Whether a partly filled batch is sent once it is older than the configured age. A writer that
    /// decides itself when batches go (<see cref="SealAsync"/>) turns this off, so that inserts are
    /// few and large: each insert costs ClickHouse a part per partition touched, whatever its size.
    /// </summary>
    public bool SendsWhenAged { get; init; } = true;

    /// <summary>An evaluation is encoded into the batch's bytes before <see cref="WriteAsync"/> returns.</summary>
    public bool KeepsEvaluations => false;

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        var now = Now();
        var stamp = NextEvaluationStamp(now);
        MarkPending();
        var batch = _filling;
        // Parsed once: every row of the SED carries it (the partition key of each table).
        var received = RowMapper.Timestamp(evaluation.Sed.Envelope.ReceivedAt);
        var encoders = Encoders();
        // The SED's rows land in four tables: one that cannot be encoded takes the others back with it.
        var seds = batch.Seds.Checkpoint();
        var review = batch.Review.Checkpoint();
        var matches = batch.Matches.Checkpoint();
        var anomalies = batch.Anomalies.Checkpoint();
        try
        {
            RowMapper.SedDocument(encoders.Seds.Into(batch.Seds), evaluation, received, runId, now, stamp, _pseudonymizer);
            if (evaluation.RedFlag)
            {
                RowMapper.Review(encoders.Review.Into(batch.Review), evaluation, received, runId, now, stamp);
            }
            foreach (var match in evaluation.Matches)
            {
                RowMapper.Match(encoders.Matches.Into(batch.Matches), evaluation, match, received, runId, now);
            }
            foreach (var anomaly in evaluation.Anomalies)
            {
                RowMapper.Anomaly(encoders.Anomalies.Into(batch.Anomalies), evaluation, anomaly, received, runId, now, stamp);
            }
        }
        catch (Exception e)
        {
            // Rows go straight into the batch's bytes: a row half written must not reach ClickHouse, nor
            // a SED without the match and anomaly rows that go with it.
            encoders.Abort();
            batch.Seds.RestoreTo(seds);
            batch.Review.RestoreTo(review);
            batch.Matches.RestoreTo(matches);
            batch.Anomalies.RestoreTo(anomalies);
            throw new UnwritableResultException(evaluation.Unit, e);
        }
        return SendIfDueAsync(cancellationToken);
    }

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken)
    {
        MarkPending();
        var outcome = kind == ParseOutcomeKind.NotSed ? "not-sed" : "malformed";
        var encoder = Encoders().Quarantine.Into(_filling.Quarantine);
        try
        {
            RowMapper.Quarantine(encoder, record, outcome, runId, Now(), store.Options.MaxRawBytesKept);
        }
        catch
        {
            encoder.Abort();
            throw;
        }
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
        RunRowAsync(run, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (PendingRows > 0 || !_inFlight.IsCompleted)
            {
                await FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _pseudonymizer.Dispose();
        }
    }

    private async ValueTask SendIfDueAsync(CancellationToken cancellationToken)
    {
        var batch = _filling;
        var rows = store.Options.BatchRows;
        var full = batch.Seds.Rows >= rows || batch.Matches.Rows >= rows || batch.Anomalies.Rows >= rows || batch.Quarantine.Rows >= rows;
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

    private async Task SendAsync(TableSpec table, RowBinaryBuffer rows, CancellationToken cancellationToken)
    {
        if (rows.Rows == 0)
        {
            return;
        }
        await store.InsertRowBinaryAsync(table, rows.OpenRead, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _rowsWritten, rows.Rows);
        rows.Clear();
    }

    private Task RunRowAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var rows = new ObjectRows();
        RowMapper.Run(rows, run, Now());
        return store.InsertAsync(Tables.Runs, rows.Rows, cancellationToken);
    }

    /// <summary>Built once the server version is known (it decides the column types).</summary>
    private TableEncoders Encoders() => _encoders ??= new TableEncoders(store.Version);

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

    /// <summary>One batch's rows per table, already encoded: nothing in it for the GC to trace while it waits.</summary>
    private sealed class Batch
    {
        public readonly RowBinaryBuffer Seds = new();
        public readonly RowBinaryBuffer Matches = new();
        public readonly RowBinaryBuffer Anomalies = new();
        public readonly RowBinaryBuffer Quarantine = new();
        public readonly RowBinaryBuffer Review = new();

        public int Rows => Seds.Rows + Matches.Rows + Anomalies.Rows + Quarantine.Rows + Review.Rows;
    }

    private sealed class TableEncoders(ServerVersion version)
    {
        public readonly RowBinaryEncoder Seds = new(Tables.SedDocuments, version);
        public readonly RowBinaryEncoder Matches = new(Tables.MatchResults, version);
        public readonly RowBinaryEncoder Anomalies = new(Tables.Anomalies, version);
        public readonly RowBinaryEncoder Quarantine = new(Tables.Quarantine, version);
        public readonly RowBinaryEncoder Review = new(Tables.ReviewQueue, version);

        public void Abort()
        {
            Seds.Abort();
            Matches.Abort();
            Anomalies.Abort();
            Quarantine.Abort();
            Review.Abort();
        }
    }
}
