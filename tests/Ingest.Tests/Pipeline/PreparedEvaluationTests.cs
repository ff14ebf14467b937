using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Generator.Output;
using Ingest.Matching;
using Ingest.Pipeline;
using Ingest.Sources;

namespace Ingest.Tests.Pipeline;

/// <summary>
/// The pipeline prepares SEDs in parallel (normalise, match, rules without history) and completes
/// them in order; on a generated corpus with noise and injected cross-SED situations that must give
/// exactly what one evaluator evaluating every SED in turn gives.
/// </summary>
public sealed class PreparedEvaluationTests
{
    [Fact]
    public async Task Parallel_preparation_then_ordered_completion_equals_sequential_evaluation()
    {
        var root = Directory.CreateTempSubdirectory("prepared-eval-");
        try
        {
            CorpusOutput.Write(new GeneratorOptions { Seds = 1500, Seed = 31, Noise = NoiseLevel.Hard, InjectionShare = 0.25 }, root.FullName, OutputLayout.Zip);
            var snapshot = Engine.LoadReference(Path.Combine(root.FullName, "reference", "a1.jsonl"), Path.Combine(root.FullName, "reference", "declarations.jsonl"));
            var zips = Path.Combine(root.FullName, "zip");

            var sequential = new RecordingSink();
            var parser = Engine.CreateParser();
            var evaluator = new SedEvaluator(snapshot);
            await foreach (var unit in UnitSources.For([zips]).ReadAsync(CancellationToken.None))
            {
                using (unit)
                {
                    var outcome = parser.Parse(unit);
                    if (outcome.Sed is { } sed)
                    {
                        await sequential.WriteAsync(evaluator.Evaluate(unit.Id, sed), CancellationToken.None);
                    }
                    else
                    {
                        await sequential.QuarantineAsync(outcome.Error!, outcome.Kind, CancellationToken.None);
                    }
                }
            }

            var pipelined = new RecordingSink();
            var pipeline = new SedPipeline(Engine.CreateParser(), new SedEvaluator(snapshot), pipelined, new PipelineOptions { ParseWorkers = 2, ChunkUnits = 5, ChannelCapacity = 3 });
            await pipeline.RunAsync(UnitSources.For([zips], new UnitSourceOptions { DeferInflate = true }), CancellationToken.None);

            Assert.Equal(1500, sequential.Outcomes.Count);
            Assert.Contains(sequential.Outcomes, o => o.Contains("|LIFE-", StringComparison.Ordinal) || o.Contains(",LIFE-", StringComparison.Ordinal)); // cross-SED rules are exercised
            Assert.Equal(sequential.Outcomes, pipelined.Outcomes);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
