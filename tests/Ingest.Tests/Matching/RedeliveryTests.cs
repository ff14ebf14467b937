using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Matching;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>
/// A SED version that comes again from the unit it was first read from is a replay (a Kafka record
/// redelivered after a rebalance or an outage): evaluated as it was, so a replayed record changes no
/// result. From another unit it is the sender's second delivery: STR-08.
/// </summary>
public sealed class RedeliveryTests
{
    [Fact]
    public void A_replayed_unit_is_evaluated_as_it_was_and_a_second_delivery_is_flagged()
    {
        var register = GeneratedRegister.Make(new GeneratorOptions { Seds = 2000, Seed = 19, Noise = NoiseLevel.Hard, InjectionShare = 0.2 });
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build(register.A1s, register.Declarations));
        var offset = 0;
        var compared = 0;
        foreach (var sed in register.Seds.Where(s => !s.Malformed).OrderBy(s => s.Day, StringComparer.Ordinal))
        {
            var unit = new UnitId("eessi.la.seds/3", null, offset++);
            var first = evaluator.Evaluate(unit, sed.Record);
            if (first.Anomalies.Exists(a => a.RuleId == "STR-08"))
            {
                continue; // a duplicate delivery in the corpus itself
            }
            var replay = evaluator.Evaluate(unit, sed.Record);
            Assert.Equal(Summary(first), Summary(replay));
            compared++;
        }
        Assert.True(compared > 1800, $"{compared} SEDs replayed");

        var again = register.Seds.First(s => !s.Malformed && s.Record.SedType == "A009").Record;
        var second = evaluator.Evaluate(new UnitId("eessi.la.seds/7", null, 99), again);
        Assert.Contains(second.Anomalies, a => a.RuleId == "STR-08");
    }

    private static string Summary(Ingest.Core.Results.SedEvaluation e) =>
        string.Join(",", e.Anomalies.Select(a => a.RuleId + ":" + a.Reasons)) + "|" + string.Join(",", e.Matches.Select(m => m.Target + ":" + m.Status + ":" + m.TargetId))
        + "|" + e.RedFlag;
}
