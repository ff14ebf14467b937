using System.Diagnostics;
using Ingest.Benchmarks.Matching;

namespace Ingest.Benchmarks;

/// <summary>
/// A plain loop over one matching or parsing benchmark for an external profiler (BenchmarkDotNet's own
/// processes are too short-lived to attach to): <c>-- --loop match|normalise|match-normalised|evaluate|parse|tokenize SECONDS</c>
/// prints the time per operation (a SED; a corpus pass for parse and tokenize); <c>-- --loop candidates 0</c>
/// prints how many candidates the matcher scores; <c>-- --loop dump 0</c> prints every match and
/// evaluation outcome (to compare two builds).
/// With perf: <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0</c>, then <c>perf record -g -p PID</c>
/// once "setup done" is printed.
/// </summary>
internal static class ProfileLoop
{
    public static void Run(string what, int seconds)
    {
        if (what is "parse" or "tokenize")
        {
            var parsing = new Parsing.ParsingBenchmarks();
            parsing.Setup();
            Loop(what, seconds, what == "parse" ? parsing.SedParser : parsing.TokenizerPush, 1);
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
            "evaluate" => benchmarks.Evaluate,
            _ => throw new ArgumentException($"unknown loop '{what}'", nameof(what)),
        };
        Loop(what, seconds, loop, MatchingBenchmarks.SedCount);
    }

    private static void Loop(string what, int seconds, Func<int> loop, int operationsPerPass)
    {
        // A first pass so that tiered compilation settles, then the timed ones; processor time is
        // printed too, as on a shared machine the wall clock also counts the time others had the core.
        loop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long passes = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            loop();
            passes++;
        }
        var operations = passes * operationsPerPass;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds * 1000 / operations:0.00} us an operation over {passes} passes ({cpu.TotalMilliseconds * 1000 / operations:0.00} us of processor time)");
    }
}
