using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Ingest.Core.Reference;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Scoring;

namespace Ingest.Benchmarks.Matching;

/// <summary>
/// Matching one core against 1 M A1s and 1 M declarations: Match = normalise the SED, candidates
/// from the hashed indexes, scoring, choice (both targets); Evaluate = the same plus the 65 rules,
/// red flag and run history. Operations are single SEDs (OperationsPerInvoke), so the reported
/// mean is the time per SED. Build = index construction of 100 000 + 100 000 records (bytes
/// allocated per record from the memory diagnoser). GlobalSetup prints the 1 M build time and the
/// managed memory the snapshot retains per record.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int SedCount = 20_000;
    private const int Population = 1_000_000;

    private ReferenceSnapshot _snapshot = null!;
    private SedRecord[] _seds = null!;
    private Matcher _matcher = null!;
    private A1Certificate[] _smallA1s = null!;
    private PostingDeclaration[] _smallDeclarations = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = new SyntheticReference(seed: 20_251_127);
        var a1s = data.A1s(Population).ToArray();
        var declarations = data.Declarations(Population, Population).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        _snapshot = ReferenceSnapshot.Build(a1s, declarations);
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var records = _snapshot.A1Count + _snapshot.DeclarationCount;
        Console.WriteLine($"// snapshot: {_snapshot.A1Count:N0} A1s + {_snapshot.DeclarationCount:N0} declarations built in {watch.Elapsed.TotalSeconds:0.00} s "
            + $"({records / watch.Elapsed.TotalSeconds:N0} records/s on {Environment.ProcessorCount} cores); retained {(after - before) / (double)records:N0} B/record "
            + $"(normalised records + indexes; source records excluded), index structures {_snapshot.IndexBytes / (double)records:N0} B/record, "
            + $"{(after - before) / 1e6 * 1_000_000 / records:N0} MB per million records");
        _seds = data.Seds(SedCount, Population, seed: 7);
        _matcher = new Matcher(EvaluatorOptions.Default);
        _smallA1s = data.A1s(100_000).ToArray();
        _smallDeclarations = data.Declarations(100_000, 100_000).ToArray();
    }

    [Benchmark(OperationsPerInvoke = SedCount)]
    public int Match()
    {
        var conform = 0;
        foreach (var sed in _seds)
        {
            var f = SedFeatures.From(sed);
            var a = _matcher.MatchA1(f, _snapshot);
            var d = _matcher.MatchDeclaration(f, _snapshot);
            if (a.Result.Status == Core.Results.MatchStatus.Conform || d.Result.Status == Core.Results.MatchStatus.Conform)
            {
                conform++;
            }
        }
        return conform;
    }

    [Benchmark(OperationsPerInvoke = SedCount)]
    public int Evaluate()
    {
        var evaluator = new SedEvaluator(_snapshot);
        var red = 0;
        for (var i = 0; i < _seds.Length; i++)
        {
            if (evaluator.Evaluate(new UnitId("bench", null, i), _seds[i]).RedFlag)
            {
                red++;
            }
        }
        return red;
    }

    [Benchmark(OperationsPerInvoke = 200_000)]
    public ReferenceSnapshot Build() => ReferenceSnapshot.Build(_smallA1s, _smallDeclarations);
}
