using System.Threading.Channels;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sources;

namespace Ingest.Pipeline;

/// <summary>
/// frame → parse (parallel) → evaluate (in source order) → sink, on bounded channels. Every unit
/// read yields exactly one outcome handed to the sink: a SED row or a quarantine row.
/// </summary>
public sealed class SedPipeline(ISedParser parser, ISedEvaluator evaluator, IResultSink sink, PipelineOptions options)
{
    private readonly RunCounters _counters = new();

    // Records the sink is done with, parsed into again by the workers.
    private readonly SpareRecords? _spares = SpareRecords.For(options.RecycleRecords, sink, evaluator);

    public RunCounters Counters => _counters;

    public async Task RunAsync(IUnitSource source, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = linked.Token;
        // Units travel in chunks: one channel hand-off per chunk keeps the stages from contending
        // on the channels and waking each other for every document.
        var units = Channel.CreateBounded<Chunk<InputUnit>>(new BoundedChannelOptions(options.ChannelCapacity) { SingleWriter = true });
        var parsed = Channel.CreateBounded<Chunk<Parsed>>(new BoundedChannelOptions(options.ChannelCapacity) { SingleReader = true });
        var evaluated = Channel.CreateBounded<Outcome[]>(new BoundedChannelOptions(options.ChannelCapacity) { SingleWriter = true, SingleReader = true });

        var workers = Math.Max(1, options.ParseWorkers);
        // Chunks between the reader and the in-order evaluation: the channels bound what waits in
        // them, but not what finished out of order behind a slow chunk (a huge document) and waits
        // for its turn. The window bounds that too: the reader takes a slot per chunk, the evaluator
        // gives it back when the chunk's turn has come.
        using var window = new SemaphoreSlim(2 * Math.Max(1, options.ChannelCapacity) + workers);
        var tasks = new List<Task>
        {
            Guard(ReadAsync(source, units.Writer, window, ct), linked),
            Guard(EvaluateAsync(parsed.Reader, evaluated.Writer, window, ct), linked),
            Guard(SinkAsync(evaluated.Reader, ct), linked),
        };
        var parseTasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            parseTasks[i] = Guard(Task.Run(() => ParseAsync(units.Reader, parsed.Writer, ct), ct), linked);
        }
        tasks.Add(Task.WhenAll(parseTasks).ContinueWith(t => parsed.Writer.TryComplete(t.Exception), TaskScheduler.Default));
        tasks.AddRange(parseTasks);
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            // Units still queued when a stage failed hold pooled buffers.
            while (units.Reader.TryRead(out var left))
            {
                foreach (var unit in left.Items)
                {
                    unit.Dispose();
                }
            }
        }
        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadAsync(IUnitSource source, ChannelWriter<Chunk<InputUnit>> writer, SemaphoreSlim window, CancellationToken ct)
    {
        var chunkSize = Math.Max(1, options.ChunkUnits);
        var chunk = new List<InputUnit>(chunkSize);
        try
        {
            long seq = 0;
            await foreach (var unit in source.ReadAsync(ct).ConfigureAwait(false))
            {
                _counters.UnitRead(unit.Payload.Length);
                chunk.Add(unit);
                if (chunk.Count == chunkSize)
                {
                    await window.WaitAsync(ct).ConfigureAwait(false);
                    await writer.WriteAsync(new Chunk<InputUnit>(seq++, chunk), ct).ConfigureAwait(false);
                    chunk = new List<InputUnit>(chunkSize);
                }
            }
            if (chunk.Count > 0)
            {
                await window.WaitAsync(ct).ConfigureAwait(false);
                await writer.WriteAsync(new Chunk<InputUnit>(seq, chunk), ct).ConfigureAwait(false);
                chunk = [];
            }
            writer.TryComplete();
        }
        catch (Exception e)
        {
            foreach (var unit in chunk)
            {
                unit.Dispose();
            }
            writer.TryComplete(e);
            throw;
        }
    }

    private async Task ParseAsync(ChannelReader<Chunk<InputUnit>> reader, ChannelWriter<Chunk<Parsed>> writer, CancellationToken ct)
    {
        await foreach (var (seq, units) in reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var results = new List<Parsed>(units.Count);
            foreach (var unit in units)
            {
                ParseOutcome outcome;
                // A zip entry read still compressed is expanded here, in parallel, not by the reader.
                using (var ready = UnitInflation.Inflate(unit))
                {
                    outcome = _spares is null ? parser.Parse(ready) : _spares.Parse(parser, ready);
                    if (outcome.Sed is { } sed)
                    {
                        StandInIdentity.AssignIfMissing(sed, ready.Payload);
                    }
                }
                results.Add(Prepare(new Parsed(unit.Id, outcome, null, null)));
            }
            _counters.UnitsParsed(units.Count);
            await writer.WriteAsync(new Chunk<Parsed>(seq, results), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Parsing finishes out of order; evaluation restores source order so that cross-SED rules
    /// (versions, invalidations, chains) see the same history on every run of the same input.
    /// </summary>
    private async Task EvaluateAsync(ChannelReader<Chunk<Parsed>> reader, ChannelWriter<Outcome[]> writer, SemaphoreSlim window, CancellationToken ct)
    {
        try
        {
            var pending = new Dictionary<long, List<Parsed>>();
            long next = 0;
            await foreach (var (seq, items) in reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                pending.Add(seq, items);
                while (pending.Remove(next, out var ready))
                {
                    next++;
                    window.Release();
                    var outcomes = new Outcome[ready.Count];
                    for (var i = 0; i < outcomes.Length; i++)
                    {
                        outcomes[i] = Evaluate(ready[i]);
                    }
                    await writer.WriteAsync(outcomes, ct).ConfigureAwait(false);
                }
            }
            if (pending.Count != 0)
            {
                throw new InvalidOperationException($"pipeline lost order: {pending.Count} chunk(s) waiting for #{next}");
            }
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>The evaluator's order-free part runs here, in the parallel workers.</summary>
    private Parsed Prepare(Parsed item)
    {
        if (item.Outcome is not { Kind: ParseOutcomeKind.Sed, Sed: { } sed })
        {
            return item;
        }
        try
        {
            return item with { Prepared = evaluator.Prepare(item.Unit, sed) };
        }
        catch (Exception e)
        {
            return item with { PrepareError = e };
        }
    }

    private Outcome Evaluate(Parsed item)
    {
        var outcome = item.Outcome;
        if (outcome.Kind != ParseOutcomeKind.Sed || outcome.Sed is null)
        {
            return new Outcome(null, outcome.Error ?? MissingError(item.Unit), outcome.Kind);
        }
        SedEvaluation evaluation;
        try
        {
            if (item.PrepareError is { } failed)
            {
                throw failed;
            }
            evaluation = evaluator.Complete(item.Unit, outcome.Sed, item.Prepared);
        }
        catch (Exception e)
        {
            // A rule or matcher crash must not stop the run: the unit is quarantined with the reason.
            return new Outcome(null, new QuarantineRecord
            {
                Unit = item.Unit,
                ErrorCode = "EvaluationFailed",
                Message = $"{e.GetType().Name}: {e.Message}",
            }, ParseOutcomeKind.Malformed);
        }
        return new Outcome(evaluation, null, ParseOutcomeKind.Sed);
    }

    private async Task SinkAsync(ChannelReader<Outcome[]> reader, CancellationToken ct)
    {
        await foreach (var outcomes in reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            foreach (var outcome in outcomes)
            {
                await WriteAsync(outcome, ct).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask WriteAsync(Outcome outcome, CancellationToken ct)
    {
        if (outcome.Evaluation is { } e)
        {
            try
            {
                await sink.WriteAsync(e, ct).ConfigureAwait(false);
                _counters.Sed();
                CountResults(e);
                _spares?.Return(e.Sed);
                _counters.WrittenUnit();
                return;
            }
            catch (UnwritableResultException x)
            {
                // None of its rows were kept: quarantined with the reason, as a SED whose rules crashed.
                outcome = new Outcome(null, x.ToQuarantine(), ParseOutcomeKind.Malformed);
            }
        }
        // Not a SED, or a SED whose result could not be written.
        if (outcome.Kind == ParseOutcomeKind.NotSed)
        {
            _counters.NotSedUnit();
        }
        else
        {
            _counters.MalformedUnit();
        }
        await sink.QuarantineAsync(outcome.Error!, outcome.Kind, ct).ConfigureAwait(false);
        _counters.WrittenUnit();
    }

    private void CountResults(SedEvaluation e)
    {
        foreach (var m in e.Matches)
        {
            if (m.Status is MatchStatus.Conform or MatchStatus.Conflict && m.TargetId is not null)
            {
                if (m.Target == MatchTarget.A1)
                {
                    _counters.MatchA1();
                }
                else
                {
                    _counters.MatchDeclaration();
                }
            }
        }
        _counters.Anomaly(e.Anomalies.Count);
        if (e.RedFlag)
        {
            _counters.RedFlag();
        }
    }

    private static QuarantineRecord MissingError(UnitId unit) => new()
    {
        Unit = unit,
        ErrorCode = "ParserGaveNoReason",
        Message = "the parser rejected the unit without an error record",
    };

    /// <summary>A failing stage cancels the others so the run ends promptly with the first error.</summary>
    private static async Task Guard(Task task, CancellationTokenSource linked)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private readonly record struct Chunk<T>(long Seq, List<T> Items);

    private readonly record struct Parsed(UnitId Unit, ParseOutcome Outcome, object? Prepared, Exception? PrepareError);

    private readonly record struct Outcome(SedEvaluation? Evaluation, QuarantineRecord? Error, ParseOutcomeKind Kind);
}
