using System.Diagnostics;
using System.Globalization;
using Ingest.Cli.Hosting;
using Ingest.Core.Evaluation;
using Ingest.Core.Reference;
using Ingest.Core.Results;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Matching.Rules;
using Ingest.Pipeline;
using Ingest.Sinks.ClickHouse;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;
using Ingest.Sources;

namespace Ingest.Cli.Commands;

internal sealed class ReconcileCommand : ICliCommand, IHasFlags
{
    public string Name => "reconcile";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "a1", "declarations", "dry-run", "heap-limit", "input", "set", "workers" };

    public string Summary => "the nightly job: parse, match and control every SED of a corpus into ClickHouse";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "dry-run" };

    /// <summary>Smallest heap limit taken: below it even a small run's reference data would not fit.</summary>
    private const long MinHeapLimit = 256_000_000;

    public IReadOnlyList<KeyValuePair<string, string>> GcEnvironment(CliArgs args)
    {
        if (args.Get("heap-limit") is not { } text)
        {
            return [];
        }
        var limit = ByteSize.Parse(text, "heap-limit");
        if (limit < MinHeapLimit)
        {
            throw new CliUsageException($"--heap-limit {text}: at least {MinHeapLimit / 1e6:F0} MB");
        }
        // The limit caps the heap; conserve-memory mode's compactions are then only a cost.
        return [new(GcModeRestart.Variable, "0"), new(GcModeRestart.HeapHardLimitVariable, "0x" + limit.ToString("X", CultureInfo.InvariantCulture))];
    }

    public string Help => """
        usage: ingest reconcile --input PATH [--input PATH]... [--a1 FILE] [--declarations FILE]
                                [--dry-run] [--workers N] [--heap-limit SIZE] [--set Key=Value]...

        Reads every SED under the inputs (folders, zip archives, *.seds files, single files), parses
        them in parallel, matches them against the A1 certificates and posting declarations, runs
        the control rules, and writes documents, match results, anomalies, the review queue and
        quarantined units to ClickHouse, with a run row holding the audit counts. A generator
        output folder (with manifest.json) brings its own reference/ data. Re-running the same
        input changes no query result.

          --input PATH          corpus to read (repeatable)
          --a1 FILE             A1 certificates, JSON Lines (default: <input>/reference/a1.jsonl)
          --declarations FILE   posting declarations, JSON Lines (default: <input>/reference/declarations.jsonl)
          --dry-run             run every stage, write nothing
          --workers N           parse workers (default: one per core)
          --heap-limit SIZE     run in a fixed memory budget (e.g. 3.6G): a hard GC heap limit instead
                                of the default conserve-memory mode, which compacts all along to stay
                                small. Faster (a year's reference data index in about a third less
                                time), but the run fails, out of memory, if its data outgrow the limit.
                                Leave room for native memory: the peak working set is ~0.3 GB above it
          --set Key=Value       configuration override, e.g. ClickHouse:Database=ingest_test

        exit codes: 0 run complete, 1 run failed or cancelled (the run row says why), 64 bad arguments
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        try
        {
            return await ReconcileAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (HeapLimit() > 0 && IsOutOfMemory(e))
        {
            // Expected when the data outgrow a budget the operator set: say so, not a stack trace.
            GC.Collect();
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ingest reconcile: out of memory within the heap limit of {HeapLimit() / 1e9:F2} GB: this run's reference data and SEDs need more; raise --heap-limit or leave it out (conserve-memory mode has no limit)")).ConfigureAwait(false);
            return 1;
        }
    }

    private async Task<int> ReconcileAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var inputs = args.GetAll("input");
        if (inputs.Count == 0)
        {
            throw new CliUsageException("at least one --input PATH is required");
        }
        var layout = CorpusLayout.Resolve(inputs, args.Get("a1"), args.Get("declarations"));
        foreach (var path in layout.SedPaths)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new CliUsageException($"no such file or folder: {path}");
            }
        }
        ReferenceFiles.RequireExisting(layout.A1Path, layout.DeclarationsPath);
        var configuration = CliConfiguration.Build(args);
        var pipelineOptions = CliConfiguration.Pipeline(configuration);
        var limits = CliConfiguration.Parser(configuration);
        pipelineOptions.ParseWorkers = args.GetInt("workers", pipelineOptions.ParseWorkers);
        var dryRun = args.Has("dry-run");

        // A throughput batch: blocking gen2 collections cost less CPU than background ones marking a
        // multi-GB heap while the workers race them (a year's dry run: 144 → 119–133 s of CPU, 22 → 7–9 s
        // of it in the kernel re-zeroing the pages background collections gave back).
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        if (layout.A1Path is null || layout.DeclarationsPath is null)
        {
            await Console.Error.WriteLineAsync($"warning: no {(layout.A1Path is null ? "A1" : "declaration")} reference data given: every SED will be unmatched on that side").ConfigureAwait(false);
        }

        var run = new RunRecord { RunId = RunRecord.NewId("reconcile"), Kind = "reconcile", Input = string.Join(" ", layout.SedPaths) };
        ClickHouseStore? store = null;
        ReferenceCopy? copy = null;
        IResultSink sink;
        if (dryRun)
        {
            sink = new DryRunSink();
        }
        else
        {
            store = new ClickHouseStore(CliConfiguration.ClickHouse(configuration));
            try
            {
                run.ServerVersion = (await store.ConnectAsync(cancellationToken).ConfigureAwait(false)).Raw;
                await new Migrator(store).MigrateAsync(cancellationToken).ConfigureAwait(false);
                await RuleCatalogWriter.WriteAsync(store, RuleCatalogue.Descriptors, cancellationToken).ConfigureAwait(false);
                if (layout.A1Path is not null && layout.DeclarationsPath is not null)
                {
                    copy = await new ReferenceSnapshotWriter(store).BeginAsync(layout.A1Path, layout.DeclarationsPath, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (IsClickHouseDown(e, cancellationToken))
            {
                return await ClickHouseUnusableAsync(store, e).ConfigureAwait(false);
            }
            sink = new ClickHouseResultSink(store, run.RunId);
        }

        // Each reference record is indexed, and copied into ClickHouse when the register changed, as
        // it is decoded: the register is read once and never held whole as source objects.
        var clock = Stopwatch.StartNew();
        ReferenceSnapshot snapshot;
        try
        {
            snapshot = ReferenceSnapshot.LoadIndexed(layout.A1Path, layout.DeclarationsPath, copy is null ? null : copy.Add, copy is null ? null : copy.Add);
        }
        catch (Exception e) when (!IsOutOfMemory(e))
        {
            if (copy is not null)
            {
                await copy.AbandonAsync().ConfigureAwait(false);
                if (copy.Failure is { } failure && IsClickHouseDown(failure, cancellationToken))
                {
                    return await ClickHouseUnusableAsync(store!, failure).ConfigureAwait(false);
                }
            }
            if (e is not (InvalidDataException or IOException or System.Text.Json.JsonException))
            {
                throw;
            }
            // A damaged register is refused before any SED is read: matching against part of it would
            // report conform postings as unmatched.
            store?.Dispose();
            await Console.Error.WriteLineAsync($"ingest reconcile: the reference data cannot be read, nothing was evaluated: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        var loadTime = clock.Elapsed;
        if (copy is not null)
        {
            try
            {
                await copy.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (IsClickHouseDown(e, cancellationToken))
            {
                return await ClickHouseUnusableAsync(store!, e).ConfigureAwait(false);
            }
        }
        var copyWait = clock.Elapsed - loadTime;
        var referenceGc = GcBill.Now();
        var units = layout.CountUnits();
        var evaluator = Engine.CreateEvaluator(new ReferenceSnapshotHolder(snapshot), new EvaluatorOptions { ExpectedSeds = (int)Math.Min(units, int.MaxValue) });
        var progress = ProgressDisplay.ForConsole(units);
        var pipelineClock = Stopwatch.StartNew();
        try
        {
            await using (sink.ConfigureAwait(false))
            {
                // Zip entries travel compressed to the parse workers, which inflate them in parallel.
                var source = UnitSources.For(layout.SedPaths, limits.ToSourceOptions(deferInflate: true));
                await RunDriver.RunAsync(run, source, Engine.CreateParser(limits.ToParserOptions()), evaluator, sink, pipelineOptions,
                    progress.Report, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!IsOutOfMemory(e))
        {
            // The sink's last flush (when it is disposed) or a completed run's final row did not reach
            // ClickHouse: the run failed, and says so in its summary rather than as a stack trace.
            run.Status = "failed";
            run.Error = (run.Error is null ? "" : run.Error + "; then ") + $"{e.GetType().Name}: {e.Message}";
        }
        progress.Finish();
        store?.Dispose();

        PrintSummary(run, snapshot, loadTime, copy is null ? null : copyWait, pipelineClock.Elapsed, evaluator.Stats.AutomationRate, dryRun, referenceGc);
        return run.Status is "complete" or "dry-run" ? 0 : 1;
    }

    /// <summary>Out of memory, also as thrown by the parallel loops and stages (wrapped).</summary>
    private static bool IsOutOfMemory(Exception e) => e switch
    {
        OutOfMemoryException => true,
        AggregateException a => a.Flatten().InnerExceptions.Any(IsOutOfMemory),
        _ => e.InnerException is { } inner && IsOutOfMemory(inner),
    };

    private static long HeapLimit() =>
        GC.GetConfigurationVariables().TryGetValue("GCHeapHardLimit", out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    /// <summary>Which memory mode ran: a hard heap limit (--heap-limit, or the operator's variable) or conserve-memory.</summary>
    private static string HeapMode()
    {
        var limit = HeapLimit();
        return limit > 0
            ? string.Create(CultureInfo.InvariantCulture, $"heap limit {limit / 1e9:F2} GB, conserve-memory {GcModeRestart.CurrentConserveMemory}")
            : string.Create(CultureInfo.InvariantCulture, $"no heap limit, conserve-memory {GcModeRestart.CurrentConserveMemory}");
    }

    // A server that accepts the connection and never answers ends in the HTTP client's timeout (a cancellation
    // the run did not ask for): as down as one that refuses it.
    private static bool IsClickHouseDown(Exception e, CancellationToken cancellationToken) => ClickHouseFailure.Is(e, cancellationToken);

    private static async Task<int> ClickHouseUnusableAsync(ClickHouseStore store, Exception e)
    {
        await Console.Error.WriteLineAsync($"ingest reconcile: ClickHouse is not usable at {ClickHouseOptions.Redacted(store.Options.ConnectionString)}: {ClickHouseFailure.Describe(e)}").ConfigureAwait(false);
        store.Dispose();
        return 1;
    }

    private static void PrintSummary(RunRecord run, ReferenceSnapshot snapshot, TimeSpan loadTime, TimeSpan? copyWait, TimeSpan pipelineTime, double automationRate, bool dryRun, GcBill referenceGc)
    {
        var seconds = Math.Max(pipelineTime.TotalSeconds, 0.001);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"run {run.RunId}: {run.Status}{(dryRun ? " (nothing written)" : "")}");
        Console.WriteLine(string.Create(c, $"  reference data     {snapshot.A1Count,12:N0} A1s, {snapshot.DeclarationCount:N0} declarations (read and indexed in {loadTime.TotalSeconds:F1} s{(copyWait is { } w ? string.Create(c, $", copied to ClickHouse alongside, {w.TotalSeconds:F1} s more to finish") : "")})"));
        Console.WriteLine(string.Create(c, $"  units in           {run.UnitsIn,12:N0}   in {pipelineTime.TotalSeconds:F1} s = {run.UnitsIn / seconds:N0} units/s"));
        Console.WriteLine(string.Create(c, $"  SEDs written       {run.Seds,12:N0}"));
        Console.WriteLine(string.Create(c, $"  quarantined        {run.Quarantined,12:N0}   ({run.NotSed:N0} not SEDs, {run.Quarantined - run.NotSed:N0} malformed)"));
        Console.WriteLine(string.Create(c, $"  matched to an A1   {run.MatchedA1,12:N0}"));
        Console.WriteLine(string.Create(c, $"  matched to a decl. {run.MatchedDeclarations,12:N0}"));
        Console.WriteLine(string.Create(c, $"  anomalies          {run.Anomalies,12:N0}"));
        Console.WriteLine(string.Create(c, $"  red flags          {run.RedFlags,12:N0}   automation rate {automationRate:P1}"));
        Console.WriteLine(string.Create(c, $"  audit              {(run.UnitsIn == run.Seds + run.Quarantined ? "in = SEDs + quarantined" : "UNBALANCED: in != SEDs + quarantined")}"));
        // The nightly job's memory and GC bill, so a run that outgrows its machine shows it.
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(string.Create(c, $"  memory             peak working set {process.PeakWorkingSet64 / 1e9:F2} GB, heap {gc.HeapSizeBytes / 1e9:F2} GB, {GC.GetTotalAllocatedBytes() / 1e9:F2} GB allocated; GC {GC.CollectionCount(0):N0}/{GC.CollectionCount(1):N0}/{GC.CollectionCount(2):N0} (gen0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s, latency mode {System.Runtime.GCSettings.LatencyMode}, {HeapMode()}"));
        // Which phase paid: the reference data's growth to a multi-GB heap, or the SEDs' stream.
        var pipelineGc = GcBill.Now() - referenceGc;
        Console.WriteLine(string.Create(c, $"  GC by phase        reference data {referenceGc}; pipeline {pipelineGc}"));
        if (run.Error is not null)
        {
            Console.WriteLine($"  error              {run.Error}");
        }
    }
}
