using System.Diagnostics;
using System.Runtime;
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
    public const int SedCount = 20_000;
    private const int Population = 1_000_000;

    private ReferenceSnapshot _snapshot = null!;
    private SedRecord[] _seds = null!;
    private SedFeatures[] _features = null!;
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
        var (gen2, paused) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = Stopwatch.StartNew();
        _snapshot = ReferenceSnapshot.Build(a1s, declarations);
        watch.Stop();
        (gen2, paused) = (GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var records = _snapshot.A1Count + _snapshot.DeclarationCount;
        Console.WriteLine($"// snapshot: {_snapshot.A1Count:N0} A1s + {_snapshot.DeclarationCount:N0} declarations built in {watch.Elapsed.TotalSeconds:0.00} s "
            + $"({records / watch.Elapsed.TotalSeconds:N0} records/s on {Environment.ProcessorCount} cores; {(GCSettings.IsServerGC ? "server" : "workstation")} GC paused {paused.TotalSeconds:0.00} s in {gen2} full collections); retained {(after - before) / (double)records:N0} B/record "
            + $"(normalised records + indexes; source records excluded), index structures {_snapshot.IndexBytes / (double)records:N0} B/record, "
            + $"{(after - before) / 1e6 * 1_000_000 / records:N0} MB per million records");
        _seds = data.Seds(SedCount, Population, seed: 7);
        _matcher = new Matcher(EvaluatorOptions.Default);
        _features = Array.ConvertAll(_seds, SedFeatures.From);
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

    /// <summary>The normalisation half of <see cref="Match"/>: the SED's features alone.</summary>
    [Benchmark(OperationsPerInvoke = SedCount)]
    public int Normalise()
    {
        var pins = 0;
        foreach (var sed in _seds)
        {
            pins += SedFeatures.From(sed).Pins.Length;
        }
        return pins;
    }

    /// <summary>The matching half of <see cref="Match"/>: candidates and scoring on features already built.</summary>
    [Benchmark(OperationsPerInvoke = SedCount)]
    public int MatchNormalised()
    {
        var conform = 0;
        foreach (var f in _features)
        {
            conform += MatchBoth(f);
        }
        return conform;
    }

    /// <summary>Both targets of one SED: 1 when either is conform.</summary>
    private int MatchBoth(SedFeatures f)
    {
        var a = _matcher.MatchA1(f, _snapshot);
        var d = _matcher.MatchDeclaration(f, _snapshot);
        return a.Result.Status == Core.Results.MatchStatus.Conform || d.Result.Status == Core.Results.MatchStatus.Conform ? 1 : 0;
    }

    /// <summary>
    /// <see cref="MatchNormalised"/> on the first 500 SEDs, 40 times over: their features, index slots,
    /// cards and records stay in cache, so this is the matcher's cost without memory latency (a
    /// diagnostic for <see cref="ProfileLoop"/>: the difference to <see cref="MatchNormalised"/> is
    /// what waiting for memory costs).
    /// </summary>
    public int MatchNormalisedCached()
    {
        var conform = 0;
        for (var round = 0; round < SedCount / 500; round++)
        {
            for (var i = 0; i < 500; i++)
            {
                conform += MatchBoth(_features[i]);
            }
        }
        return conform;
    }

    /// <summary>
    /// Time per SED by kind of outcome (for <see cref="ProfileLoop"/>): with or without a usable PIN,
    /// both targets' statuses; five timed passes after a first one. A kind's mean says which path
    /// costs what (a person absent from one target goes through every name stage there).
    /// </summary>
    public string OutcomeTimes()
    {
        var sums = new Dictionary<string, (long Ticks, int Count)>(StringComparer.Ordinal);
        for (var pass = 0; pass < 6; pass++)
        {
            foreach (var f in _features)
            {
                var t0 = Stopwatch.GetTimestamp();
                var a = _matcher.MatchA1(f, _snapshot);
                var d = _matcher.MatchDeclaration(f, _snapshot);
                var ticks = Stopwatch.GetTimestamp() - t0;
                if (pass == 0)
                {
                    continue;
                }
                var kind = $"{(f.Person.PinKeys.Length > 0 ? "PIN" : "no PIN")}, A1 {a.Result.Status}, declaration {d.Result.Status}";
                sums.TryGetValue(kind, out var v);
                sums[kind] = (v.Ticks + ticks, v.Count + 1);
            }
        }
        var total = sums.Values.Sum(v => v.Ticks);
        return string.Join(Environment.NewLine, sums.OrderByDescending(kv => kv.Value.Ticks).Select(kv =>
            $"{kv.Key,-50} {kv.Value.Count / 5,6} SEDs {kv.Value.Ticks * 1e6 / Stopwatch.Frequency / kv.Value.Count,6:0.00} us a SED, {kv.Value.Ticks * 100.0 / total,5:0.0} % of the time"));
    }

    /// <summary>
    /// Bytes allocated a SED by each phase of an evaluation (for <see cref="ProfileLoop"/>), after a
    /// pass of <see cref="Evaluate"/> has filled the snapshot's caches: the features alone, then
    /// <see cref="SedEvaluator.Prepare"/> (features again, both matches, the rules that read no
    /// history) and <see cref="SedEvaluator.Complete"/> (history, the other rules, the outcome).
    /// </summary>
    public string EvaluatePhases()
    {
        Evaluate();
        var evaluator = new SedEvaluator(_snapshot);
        long features = 0, prepare = 0, complete = 0;
        for (var i = 0; i < _seds.Length; i++)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            SedFeatures.From(_seds[i]);
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            var unit = new UnitId("bench", null, i);
            var p = evaluator.Prepare(unit, _seds[i]);
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            evaluator.Complete(unit, _seds[i], p);
            var a3 = GC.GetAllocatedBytesForCurrentThread();
            features += a1 - a0;
            prepare += a2 - a1;
            complete += a3 - a2;
        }
        return $"features {features / _seds.Length} B, prepare (features again, match, early rules) {prepare / _seds.Length} B, complete {complete / _seds.Length} B";
    }

    /// <summary>Candidates scored per SED and target (for <see cref="ProfileLoop"/>), with the A1 histogram 0..8, 9+.</summary>
    public string CandidateStatistics()
    {
        long a1 = 0, declarations = 0;
        var histogram = new int[10];
        foreach (var f in _features)
        {
            var a = _matcher.MatchA1(f, _snapshot);
            a1 += a.CandidateCount;
            declarations += _matcher.MatchDeclaration(f, _snapshot).CandidateCount;
            histogram[Math.Min(9, a.CandidateCount)]++;
        }
        return $"candidates a SED: A1 {a1 / (double)_features.Length:0.00}, declaration {declarations / (double)_features.Length:0.00}; A1 histogram 0..9+ {string.Join(' ', histogram)}";
    }

    /// <summary>
    /// Every matcher and evaluator outcome, one line a SED (for <see cref="ProfileLoop"/>): two builds'
    /// dumps compared line by line prove that an optimisation changed no result.
    /// </summary>
    public void Dump(TextWriter output)
    {
        foreach (var f in _features)
        {
            output.Write(Line(_matcher.MatchA1(f, _snapshot)));
            output.Write(" | ");
            output.WriteLine(Line(_matcher.MatchDeclaration(f, _snapshot)));
        }
        var evaluator = new SedEvaluator(_snapshot);
        for (var i = 0; i < _seds.Length; i++)
        {
            var e = evaluator.Evaluate(new UnitId("bench", null, i), _seds[i]);
            output.WriteLine(string.Join(" | ", e.Matches.Select(m => $"{m.Target} {m.Status} {m.TargetId} {m.Score:0.0000} {string.Join(',', m.Reasons)}"))
                + " # " + string.Join(' ', e.Anomalies.Select(a => a.RuleId + ":" + a.Reasons)) + " # " + e.RedFlag + " " + e.PersonKey);
        }

        static string Line<T>(TargetMatch<T> m)
            where T : ReferenceRecord =>
            $"{m.Result.Status} {m.Result.TargetId} {m.Result.Score:0.0000} {string.Join(',', m.Result.Reasons)} chosen={m.Chosen?.TargetId} "
            + $"records={string.Join(',', m.PersonRecords.Select(r => r.TargetId))} amb={m.Ambiguous} acc={m.PersonAccepted} n={m.CandidateCount} "
            + $"{m.Person.Score:R} {m.Person.Name:R} {m.Person.BirthDate} {m.Person.PinExact} {m.Person.PinConflict}";
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
