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
        var configuration = CliConfiguration.Build(args);
        var pipelineOptions = CliConfiguration.Pipeline(configuration);
        pipelineOptions.ParseWorkers = args.GetInt("workers", pipelineOptions.ParseWorkers);
        var dryRun = args.Has("dry-run");

        // A throughput batch: blocking gen2 collections cost less CPU than background ones marking a
        // multi-GB heap while the workers race them (a year's dry run: 144 → 119–133 s of CPU, 22 → 7–9 s
        // of it in the kernel re-zeroing the pages background collections gave back).
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        var clock = Stopwatch.StartNew();
        List<A1Certificate>? a1Records;
        List<PostingDeclaration>? declarationRecords;
        (a1Records, declarationRecords) = Engine.LoadReferenceRecords(layout.A1Path, layout.DeclarationsPath);
        var readTime = clock.Elapsed;
        if (layout.A1Path is null || layout.DeclarationsPath is null)
        {
            await Console.Error.WriteLineAsync($"warning: no {(layout.A1Path is null ? "A1" : "declaration")} reference data given: every SED will be unmatched on that side").ConfigureAwait(false);
        }

        var run = new RunRecord { RunId = RunRecord.NewId("reconcile"), Kind = "reconcile", Input = string.Join(" ", layout.SedPaths) };
        ClickHouseStore? store = null;
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
                    await new ReferenceSnapshotWriter(store).WriteAsync(layout.A1Path, layout.DeclarationsPath, a1Records, declarationRecords, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is HttpRequestException or global::ClickHouse.Driver.ClickHouseServerException)
            {
                await Console.Error.WriteLineAsync($"ingest reconcile: ClickHouse is not usable at {store.Options.ConnectionString}: {e.Message}").ConfigureAwait(false);
                store.Dispose();
                return 1;
            }
            sink = new ClickHouseResultSink(store, run.RunId);
        }

        // The reference copy is written first: the build then lets each source record go once it is
        // indexed (a year's are ~1 GB of objects), and the snapshot keeps only what matching needs.
        var buildClock = Stopwatch.StartNew();
        var snapshot = ReferenceSnapshot.BuildReleasing(a1Records, declarationRecords);
        var indexTime = buildClock.Elapsed;
        var referenceGc = GcBill.Now();
        a1Records = null;
        declarationRecords = null;
        var units = layout.CountUnits();
        var evaluator = Engine.CreateEvaluator(new ReferenceSnapshotHolder(snapshot), new EvaluatorOptions { ExpectedSeds = (int)Math.Min(units, int.MaxValue) });
        var progress = ProgressDisplay.ForConsole(units);
        var pipelineClock = Stopwatch.StartNew();
        await using (sink.ConfigureAwait(false))
        {
            // Zip entries travel compressed to the parse workers, which inflate them in parallel.
            var source = UnitSources.For(layout.SedPaths, new UnitSourceOptions { DeferInflate = true });
            await RunDriver.RunAsync(run, source, Engine.CreateParser(), evaluator, sink, pipelineOptions,
                progress.Report, cancellationToken).ConfigureAwait(false);
        }
        progress.Finish();
        store?.Dispose();

        PrintSummary(run, snapshot, readTime, indexTime, pipelineClock.Elapsed, evaluator.Stats.AutomationRate, dryRun, referenceGc);
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

    private static void PrintSummary(RunRecord run, ReferenceSnapshot snapshot, TimeSpan readTime, TimeSpan indexTime, TimeSpan pipelineTime, double automationRate, bool dryRun, GcBill referenceGc)
    {
        var seconds = Math.Max(pipelineTime.TotalSeconds, 0.001);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"run {run.RunId}: {run.Status}{(dryRun ? " (nothing written)" : "")}");
        Console.WriteLine(string.Create(c, $"  reference data     {snapshot.A1Count,12:N0} A1s, {snapshot.DeclarationCount:N0} declarations (read in {readTime.TotalSeconds:F1} s, indexed in {indexTime.TotalSeconds:F1} s)"));
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
