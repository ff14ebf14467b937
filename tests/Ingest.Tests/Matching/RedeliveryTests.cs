using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Matching;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>
/// A SED version that comes again from the unit it was first read from is a replay (a Kafka record
/// redelivered after a rebalance or an outage): evaluated again with what the history holds, not as
/// a second delivery; right away, that is as it was the first time. From another unit it is the
/// sender's second delivery: STR-08.
/// </summary>
public sealed class RedeliveryTests
{
    [Fact]
    public void A_unit_replayed_right_away_is_evaluated_as_it_was_and_a_second_delivery_is_flagged()
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

    [Fact]
    public void A_replayed_cancellation_still_reads_the_posting_it_cancelled()
    {
        // Declared until the end of April, cancelled from June: only the posting's period (the window
        // LIFE-03 reads) overlaps the declaration, and the A008's first evaluation cancelled that posting.
        var declaration = TestData.Declaration with { End = "2025-04-30" };
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([TestData.A1], [declaration]));
        evaluator.Evaluate(new UnitId("eessi.la.seds/0", null, 0), TestData.A009());
        var a008 = RuleCases.A008("cancellation", "1");
        a008.Change!.EffectiveDate = "2025-06-01";
        var unit = new UnitId("eessi.la.seds/0", null, 1);

        var first = evaluator.Evaluate(unit, a008);
        var replay = evaluator.Evaluate(unit, a008);

        Assert.Contains(first.Anomalies, a => a.RuleId == "LIFE-03");
        Assert.Equal(Summary(first), Summary(replay));
    }

    private static string Summary(Ingest.Core.Results.SedEvaluation e) =>
        string.Join(",", e.Anomalies.Select(a => a.RuleId + ":" + a.Reasons)) + "|" + string.Join(",", e.Matches.Select(m => m.Target + ":" + m.Status + ":" + m.TargetId))
        + "|" + e.RedFlag;
}
