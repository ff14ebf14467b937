using System.Diagnostics;
using Ingest.Benchmarks.Matching;

namespace Ingest.Benchmarks;

/// <summary>
/// A plain loop over one matching or parsing benchmark for an external profiler (BenchmarkDotNet's own
/// processes are too short-lived to attach to): <c>-- --loop match|normalise|match-normalised|match-cached|evaluate|parse|parse-reuse|parse-general|tokenize|fast-tokenize|reference-update|history SECONDS</c>
/// prints the time per operation (a SED; a corpus pass for parse and tokenize; an update of 1 M + 1 M records for reference-update; a SED registered in a year's history for history); <c>-- --loop candidates 0</c>
/// prints how many candidates the matcher scores; <c>-- --loop outcomes 0</c> the time a SED by kind of outcome; <c>-- --loop phases 0</c> the bytes an evaluation's phases allocate; <c>-- --loop dump 0</c> prints every match and
/// evaluation outcome (to compare two builds).
/// With perf: <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0</c>, then <c>perf record -g -p PID</c>
/// once "setup done" is printed.
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string what, int seconds)
    {
        if (what is "parse" or "parse-reuse" or "parse-general" or "tokenize" or "fast-tokenize" or "xmlreader")
        {
            var parsing = new Parsing.ParsingBenchmarks();
            parsing.Setup();
            Loop(what, seconds, what switch
            {
                "parse" => parsing.SedParser,
                "parse-reuse" => parsing.SedParserReusingRecord,
                "parse-general" => parsing.GeneralSedParserReusingRecord,
                "fast-tokenize" => parsing.FastReaderPush,
                // The baseline, for a ratio measured the same way (best pass, same box phase).
                "xmlreader" => parsing.XmlReaderNodes,
                _ => parsing.TokenizerPush,
            }, 1);
            return;
        }
        if (what is "parse-1-worker" or "parse-2-workers")
        {
            // The scaling benchmark's operation; compare the two loops' wall time an operation (the best
            // pass counts one thread's time only).
            var scaling = new Parsing.ParsingScalingBenchmarks { Workers = what == "parse-1-worker" ? 1 : 2, ReuseRecords = true };
            scaling.Setup();
            Loop(what, seconds, scaling.SedParserWorkers, 1);
            return;
        }
        if (what == "history")
        {
            // Unbounded, at a year's size: one pass registers 1.2 M SEDs into a fresh history.
            const int YearSeds = 1_200_000;
            var history = new HistoryBenchmarks(YearSeds);
            history.Setup();
            Console.WriteLine($"setup done, pid {Environment.ProcessId}");
            Loop(what, seconds, history.Unbounded, YearSeds);
            return;
        }
        if (what == "reference-update")
        {
            var updates = new ReferenceUpdateBenchmarks();
            updates.Setup();
            Console.WriteLine($"setup done, pid {Environment.ProcessId}");
            Loop(what, seconds, () => updates.Update().A1Count, 1);
            return;
        }
        var benchmarks = new MatchingBenchmarks();
        benchmarks.Setup();
        Console.WriteLine($"setup done, pid {Environment.ProcessId}");
        if (what == "candidates")
        {
            Console.WriteLine(benchmarks.CandidateStatistics());
            return;
        }
        if (what == "phases")
        {
            Console.WriteLine(benchmarks.EvaluatePhases());
            return;
        }
        if (what == "outcomes")
        {
            Console.WriteLine(benchmarks.OutcomeTimes());
            return;
        }
        if (what == "dump")
        {
            benchmarks.Dump(Console.Out);
            return;
        }
        Func<int> loop = what switch
        {
            "match" => benchmarks.Match,
            "normalise" => benchmarks.Normalise,
            "match-normalised" => benchmarks.MatchNormalised,
            "match-cached" => benchmarks.MatchNormalisedCached,
            "evaluate" => benchmarks.Evaluate,
            _ => throw new ArgumentException($"unknown loop '{what}'", nameof(what)),
        };
        Loop(what, seconds, loop, MatchingBenchmarks.SedCount);
    }

    private static void Loop(string what, int seconds, Func<int> loop, int operationsPerPass)
    {
        // A first pass so that tiered compilation settles, then the timed ones; processor time is
        // printed too, as on a shared machine the wall clock also counts the time others had the core.
        // The best pass in this thread's CPU time is the figure least disturbed by the other core's
        // work, so two builds can be compared on a busy machine.
        loop();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long passes = 0;
        var best = long.MaxValue;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var before = ThreadCpu.Nanoseconds();
            loop();
            best = Math.Min(best, ThreadCpu.Nanoseconds() - before);
            passes++;
        }
        var operations = passes * operationsPerPass;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds * 1000 / operations:0.00} us an operation over {passes} passes ({cpu.TotalMilliseconds * 1000 / operations:0.00} us of processor time; "
            + $"best pass {best / 1000.0 / operationsPerPass:0.00} us of thread time; {allocated / (double)operations:N0} B allocated an operation on this thread)");
    }
}
