using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

internal static class Program
{
    // `dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*'`; CI adds `--job dry`.
    // `-- --loop NAME SECONDS` runs one matching benchmark in a plain loop for a profiler (ProfileLoop).
    public static void Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--loop")
        {
            ProfileLoop.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
