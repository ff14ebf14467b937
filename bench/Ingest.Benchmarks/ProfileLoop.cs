using System.Diagnostics;
using Ingest.Benchmarks.Matching;

namespace Ingest.Benchmarks;

/// <summary>
/// A plain loop over one matching or parsing benchmark for an external profiler (BenchmarkDotNet's own
/// processes are too short-lived to attach to): <c>-- --loop match|normalise|match-normalised|evaluate|parse|tokenize SECONDS</c>
/// prints the time per SED; <c>-- --loop candidates 0</c> prints how many candidates the matcher scores.
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
        var watch = Stopwatch.StartNew();
        long passes = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            loop();
            passes++;
        }
        Console.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds * 1000 / (passes * operationsPerPass):0.00} us a pass over {passes} passes");
    }
}
