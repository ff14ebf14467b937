using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

internal static class Program
{
    // `dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*'`; CI adds `--job dry`.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
