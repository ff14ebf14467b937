using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ingest.Matching.Indexes;

namespace Ingest.Benchmarks.Matching;

/// <summary>
/// The sort inside a hashed index's build, on pairs shaped like a 1 M-record register's blocking keys
/// (8 a record, hashed, a third of them shared between namesakes): the comparison sort the build used
/// against the in-place radix sort, and the whole <see cref="HashMultiIndex.Build"/> (sort, runs,
/// slots). Each operation sorts a fresh unsorted copy, made in the iteration's setup. Session 17,
/// this box: Build of 8 M pairs 1 314 ms (comparison sort, slots filled in hash order) → 501 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class IndexBuildBenchmarks
{
    [Params(1_000_000, 8_000_000)]
    public int Pairs;

    private ulong[] _source = null!;
    private ulong[] _keys = null!;
    private int[] _ids = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _source = new ulong[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            // Keys drawn from two thirds as many values as pairs: runs of one, two and more ids a key.
            _source[i] = KeyHash.Of('N', ((long)random.Next(Pairs * 2 / 3)).ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }
        _keys = new ulong[Pairs];
        _ids = new int[Pairs];
    }

    [IterationSetup]
    public void Unsort()
    {
        _source.CopyTo(_keys, 0);
        for (var i = 0; i < _ids.Length; i++)
        {
            _ids[i] = i >> 3;
        }
    }

    [Benchmark(Baseline = true)]
    public ulong ComparisonSort()
    {
        Array.Sort(_keys, _ids);
        return _keys[^1];
    }

    [Benchmark]
    public ulong RadixSort()
    {
        KeyRadixSort.Sort(_keys, _ids);
        return _keys[^1];
    }

    [Benchmark]
    public int Build() => HashMultiIndex.Build(_keys, _ids, _keys.Length).DistinctKeys;
}
