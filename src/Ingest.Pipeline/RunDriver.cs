using System.Diagnostics;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Pipeline;

/// <summary>
/// Runs one pipeline as an audited run: the run row is written at start (running) and at the end
/// (complete, failed or cancelled) with its counts, so a run that died half-way is visible as such.
/// </summary>
public static class RunDriver
{
    public static async Task<RunRecord> RunAsync(
        RunRecord run,
        IUnitSource source,
        ISedParser parser,
        ISedEvaluator evaluator,
        IResultSink sink,
        PipelineOptions options,
        Action<RunCounters, TimeSpan>? progress,
        CancellationToken cancellationToken)
    {
        await sink.RecordRunAsync(run, cancellationToken).ConfigureAwait(false);
        var pipeline = new SedPipeline(parser, evaluator, sink, options);
        var clock = Stopwatch.StartNew();
        using var ticker = progress is null ? null : new Timer(_ => progress(pipeline.Counters, clock.Elapsed), null, options.ProgressInterval, options.ProgressInterval);
        try
        {
            await pipeline.RunAsync(source, cancellationToken).ConfigureAwait(false);
            var c = pipeline.Counters;
            if (c.Written != c.UnitsRead)
            {
                throw new InvalidOperationException($"{c.UnitsRead} unit(s) read but {c.Written} outcome(s) written");
            }
            run.Status = sink is DryRunSink ? "dry-run" : "complete";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = "cancelled";
            run.Error = "cancelled before the input was exhausted";
        }
        catch (Exception e)
        {
            run.Status = "failed";
            run.Error = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            progress?.Invoke(pipeline.Counters, clock.Elapsed);
        }
        Fill(run, pipeline.Counters);
        run.FinishedAt = DateTime.UtcNow;
        try
        {
            // The final run row goes out even when the run was cancelled: the audit needs it most then.
            await sink.RecordRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (run.Status != "complete")
        {
            run.Error += $"; the run row could not be written either: {e.Message}";
        }
        return run;
    }

    private static void Fill(RunRecord run, RunCounters c)
    {
        run.UnitsIn = c.UnitsRead;
        run.Seds = c.Seds;
        run.Quarantined = c.Quarantined;
        run.NotSed = c.NotSed;
        run.MatchedA1 = c.MatchedA1;
        run.MatchedDeclarations = c.MatchedDeclarations;
        run.Anomalies = c.Anomalies;
        run.RedFlags = c.RedFlags;
    }
}
