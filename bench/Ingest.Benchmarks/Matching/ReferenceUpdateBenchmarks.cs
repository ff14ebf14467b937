using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ingest.Core.Reference;
using Ingest.Matching.Indexes;

namespace Ingest.Benchmarks.Matching;

/// <summary>
/// What a live reference update costs the stream worker over a register of 1 M A1s + 1 M declarations:
/// 2 000 changes (1 000 A1s replaced, 500 A1s and 500 declarations added) applied to the current
/// snapshot (<see cref="ReferenceSnapshot.With"/>, only the changed records normalised) against the
/// full rebuild from the source records the feed did before; and the 1 500 A1 changes alone, which keep
/// the declarations' structures. One operation = one update; each takes
/// seconds, so a few monitored iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReferenceUpdateBenchmarks
{
    private const int Population = 1_000_000;

    private ReferenceSnapshot _current = null!;
    private ReferenceChanges _changes = null!;
    private ReferenceChanges _a1Changes = null!;
    private A1Certificate[] _allA1s = null!;
    private PostingDeclaration[] _allDeclarations = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = new SyntheticReference(seed: 20_251_127);
        var a1s = data.A1s(Population + 500).ToArray();
        var declarations = data.Declarations(Population + 500, Population).ToArray();
        _current = ReferenceSnapshot.Build(a1s[..Population], declarations[..Population]);
        _changes = new ReferenceChanges();
        _a1Changes = new ReferenceChanges();
        var replaced = new Dictionary<string, A1Certificate>(StringComparer.Ordinal);
        for (var i = 0; i < 1000; i++)
        {
            var a = a1s[i * 997] with { Status = "withdrawn" };
            _changes.Set(a);
            _a1Changes.Set(a);
            replaced[a.DocumentNumber] = a;
        }
        foreach (var a in a1s[Population..])
        {
            _changes.Set(a);
            _a1Changes.Set(a);
        }
        foreach (var d in declarations[Population..])
        {
            _changes.Set(d);
        }
        // What the feed rebuilt from: every source record, the changed ones in their new version.
        _allA1s = [.. a1s.Select(a => replaced.GetValueOrDefault(a.DocumentNumber, a))];
        _allDeclarations = declarations;
    }

    [Benchmark(Baseline = true, Description = "rebuild from the source records (before)")]
    public ReferenceSnapshot Rebuild() => ReferenceSnapshot.Build(_allA1s, _allDeclarations);

    [Benchmark(Description = "apply the changes to the current snapshot")]
    public ReferenceSnapshot Update() => _current.With(_changes).Snapshot;

    [Benchmark(Description = "apply A1 changes only (declaration structures kept)")]
    public ReferenceSnapshot UpdateA1s() => _current.With(_a1Changes).Snapshot;
}
