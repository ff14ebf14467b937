using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Generator.Evaluation;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Matching.Rules;

namespace Ingest.Tests.Matching;

/// <summary>
/// The engine against the generator's truth, end to end in memory: SEDs in the order a reconcile run
/// reads them (day by day, as written), broken ones quarantined, scored by the evaluate verb's
/// scorer. Guards the quality targets on small corpora of test seeds (the reported figures
/// come from larger corpora of seeds no test uses).
/// </summary>
public sealed class QualityTests
{
    [Theory]
    [InlineData(NoiseLevel.Default, 41UL)]
    [InlineData(NoiseLevel.Hard, 43UL)]
    public async Task Person_matching_and_injected_anomalies_meet_the_targets(NoiseLevel noise, ulong seed)
    {
        var score = await Run(new GeneratorOptions { Seds = 6000, Seed = seed, Noise = noise, InjectionShare = 0.2 });
        Assert.True(score.Person.Precision >= 0.995, $"person precision {score.Person.Precision:P2}");
        Assert.True(score.Person.Recall >= 0.99, $"person recall {score.Person.Recall:P2}");
        Assert.True(score.Anomalies.Recall >= 0.99, $"anomaly recall {score.Anomalies.Recall:P2}");
        Assert.True(score.FalseRedFlagRate <= 0.005, $"false red flags {score.FalseRedFlagRate:P2}");
        Assert.True(score.Anomalies.Support > 1000, $"{score.Anomalies.Support} expected anomalies");
        // The current state: documents invalidated by an X008 or an A008 whole-period cancellation.
        var invalidation = score.Invalidation!;
        Assert.True(invalidation.Precision >= 0.99, $"invalidation precision {invalidation.Precision:P2}");
        Assert.True(invalidation.Recall >= 0.99, $"invalidation recall {invalidation.Recall:P2}");
        Assert.True(invalidation.Support > 50, $"{invalidation.Support} invalidated documents");
    }

    private static async Task<RunScore> Run(GeneratorOptions options)
    {
        var register = GeneratedRegister.Make(options);
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build(register.A1s, register.Declarations));
        var sink = new PredictionSink();
        var seds = register.Seds;
        var unit = 0;
        foreach (var sed in seds.OrderBy(s => s.Day, StringComparer.Ordinal))
        {
            if (!sed.Malformed)
            {
                await sink.WriteAsync(evaluator.Evaluate(new UnitId(sed.Day, sed.EntryName, unit++), sed.Record), CancellationToken.None);
            }
        }
        var score = RunScorer.Score(seds.Select(s => s.Truth), sink.Predicted,
            rule => RuleCatalogue.TryGet(rule, out var r) && r!.MaxSeverity >= Severity.Red);
        RunScorer.ScoreInvalidations(score, seds.Select(s => s.Truth), evaluator.InvalidatedDocuments());
        return score;
    }
}
