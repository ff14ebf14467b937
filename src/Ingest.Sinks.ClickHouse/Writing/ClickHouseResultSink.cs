using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Batches rows per table and sends each batch as one binary insert. Not thread-safe: one sink
/// stage owns it. Memory is bounded by <see cref="ClickHouseOptions.BatchRows"/> per table.
/// </summary>
public sealed class ClickHouseResultSink(ClickHouseStore store, string runId, TimeProvider? clock = null) : IResultSink
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly List<object[]> _seds = [];
    private readonly List<object[]> _matches = [];
    private readonly List<object[]> _anomalies = [];
    private readonly List<object[]> _quarantine = [];
    private readonly List<object[]> _review = [];
    private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromOptions(store.Options);
    private long _oldestPendingTicks;
    private ulong _lastEvaluation;

    public long RowsWritten { get; private set; }

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        var now = Now();
        var stamp = NextEvaluationStamp(now);
        MarkPending();
        _seds.Add(RowMapper.SedDocument(evaluation, runId, now, stamp, _pseudonymizer));
        if (evaluation.RedFlag)
        {
            _review.Add(RowMapper.Review(evaluation, runId, now, stamp));
        }
        foreach (var match in evaluation.Matches)
        {
            _matches.Add(RowMapper.Match(evaluation, match, runId, now));
        }
        foreach (var anomaly in evaluation.Anomalies)
        {
            _anomalies.Add(RowMapper.Anomaly(evaluation, anomaly, runId, now, stamp));
        }
        return FlushIfDueAsync(cancellationToken);
    }

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken)
    {
        MarkPending();
        var outcome = kind == ParseOutcomeKind.NotSed ? "not-sed" : "malformed";
        _quarantine.Add(RowMapper.Quarantine(record, outcome, runId, Now(), store.Options.MaxRawBytesKept));
        return FlushIfDueAsync(cancellationToken);
    }

    /// <summary>True when a partly filled batch has waited longer than the configured age.</summary>
    public bool IsDue =>
        _oldestPendingTicks != 0 && _clock.GetElapsedTime(_oldestPendingTicks) >= store.Options.MaxBatchAge;

    public int PendingRows => _seds.Count + _matches.Count + _anomalies.Count + _quarantine.Count + _review.Count;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // Documents last: a document row is the marker that its results landed, so a crash between
        // inserts leaves at worst results without a document, which a replay then completes.
        await SendAsync(Tables.Quarantine, _quarantine, cancellationToken).ConfigureAwait(false);
        await SendAsync(Tables.MatchResults, _matches, cancellationToken).ConfigureAwait(false);
        await SendAsync(Tables.Anomalies, _anomalies, cancellationToken).ConfigureAwait(false);
        await SendAsync(Tables.ReviewQueue, _review, cancellationToken).ConfigureAwait(false);
        await SendAsync(Tables.SedDocuments, _seds, cancellationToken).ConfigureAwait(false);
        _oldestPendingTicks = 0;
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) =>
        store.InsertAsync(Tables.Runs, [RowMapper.Run(run, Now())], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (PendingRows > 0)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask FlushIfDueAsync(CancellationToken cancellationToken)
    {
        if (_seds.Count >= store.Options.BatchRows || _matches.Count >= store.Options.BatchRows
            || _anomalies.Count >= store.Options.BatchRows || _quarantine.Count >= store.Options.BatchRows || IsDue)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(TableSpec table, List<object[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await store.InsertAsync(table, rows, cancellationToken).ConfigureAwait(false);
        RowsWritten += rows.Count;
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
}
