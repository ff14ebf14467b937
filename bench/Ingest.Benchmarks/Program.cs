using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

internal static class Program
{
    // `dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*'`; CI adds `--job dry`.
    // `-- --loop NAME SECONDS` runs one matching benchmark in a plain loop for a profiler (ProfileLoop).
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--loop")
        {
            ProfileLoop.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        // BenchmarkDotNet reports a benchmark that threw or failed to build as "NA" and still exits 0:
        // CI runs every benchmark once so that such a failure stops it, so it must show in the exit code.
        var failed = summaries.SelectMany(Failures).ToList();
        foreach (var name in failed)
        {
            Console.Error.WriteLine($"benchmark failed: {name}");
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Failures(Summary summary)
    {
        if (summary.HasCriticalValidationErrors)
        {
            yield return $"{summary.Title}: critical validation errors";
        }
        foreach (var report in summary.Reports)
        {
            if (!report.Success || report.ResultStatistics is null)
            {
                yield return report.BenchmarkCase.DisplayInfo;
            }
        }
    }
}
