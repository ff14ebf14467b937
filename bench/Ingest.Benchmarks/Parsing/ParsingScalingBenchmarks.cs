using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// Scaling over cores for a folder of documents: one operation parses the whole corpus with 1 or 2
/// workers, each taking every N-th document (the parser keeps per-thread scratch buffers, so workers
/// share nothing but the field maps), with new records or each worker reusing its own. Near-linear scaling
/// shows as MB/s doubling from 1 to 2 workers.
/// Run: dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*ParsingScalingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ParsingScalingBenchmarks
{
    private InputUnit[] _units = [];
    private readonly SedParser _parser = new();

    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>Each worker parses into the record of its previous document, as the nightly pipeline's workers do.</summary>
    [Params(false, true)]
    public bool ReuseRecords { get; set; }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.SedsPerSecond, ThroughputColumn.BytesAllocatedPerSed);
    }

    [GlobalSetup]
    public void Setup() => _units = ParsingCorpus.LoadUnits(_parser);

    [Benchmark(Description = "Ingest SedParser, N workers")]
    public int SedParserWorkers()
    {
        var total = 0;
        var workers = Workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var n = 0;
            SedRecord? record = null;
            for (var i = worker; i < _units.Length; i += workers)
            {
                var sed = _parser.Parse(_units[i], record).Sed!;
                record = ReuseRecords ? sed : null;
                n += sed.Person.Pins.Count;
            }
            Interlocked.Add(ref total, n);
        });
        return total;
    }
}
