using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

public sealed class EvaluatorTests
{
    [Fact]
    public void Automation_rate_counts_red_flags()
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([A1], [Declaration]));
        var results = new[]
        {
            evaluator.Evaluate(new UnitId("a", null, 0), A009()),
            evaluator.Evaluate(new UnitId("b", null, 0), A009(s => s.Decision.LegislationState = "DE")),
            evaluator.Evaluate(new UnitId("c", null, 0), A009()),
            evaluator.Evaluate(new UnitId("d", null, 0), A009()),
        };
        Assert.Equal(4, evaluator.Stats.Evaluated);
        Assert.Equal(1, evaluator.Stats.Review);
        Assert.Equal(0.75, evaluator.Stats.AutomationRate);
        Assert.Single(results, r => r.ReviewEntry is not null);
    }

    [Fact]
    public void A_review_entry_lists_every_anomaly_most_severe_first_and_names_the_red_rules()
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([A1], [Declaration]));
        var red = evaluator.Evaluate(new UnitId("b", null, 0), A009(s =>
        {
            s.Decision.LegislationState = "DE";
            s.Person.Sex = "07";
        }));
        var entry = red.ReviewEntry!;
        var expected = red.Anomalies
            .OrderByDescending(a => a.Severity)
            .Select(a => $"{a.RuleId} ({a.Severity.ToString().ToUpperInvariant()}): {a.Reasons}")
            .ToList();
        Assert.True(red.Anomalies.Select(a => a.Severity).Distinct().Count() > 1, "the case should mix severities");
        Assert.Equal(expected, entry.Reasons);
        Assert.Equal(red.Anomalies.Where(a => a.Severity >= Severity.Red).OrderByDescending(a => a.Severity).Select(a => a.RuleId), entry.RedRuleIds);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Late_target_of_an_x008_is_invalidated_on_arrival(bool invalidated)
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([A1], [Declaration]));
        var x008 = evaluator.Evaluate(new UnitId("x", null, 0), RuleCases.X008("A009", invalidated ? "2025-03-01" : "2024-01-01"));
        Assert.Contains(x008.Anomalies, a => a.RuleId == "LIFE-01" && a.Reasons.Contains("not received yet", StringComparison.Ordinal));
        evaluator.Evaluate(new UnitId("a", null, 0), A009());
        // An invalidated A009 no longer counts in conflicts with later SEDs of the person.
        var next = evaluator.Evaluate(new UnitId("b", null, 0), A009(s =>
        {
            s.Envelope.CaseId = "C2";
            s.Envelope.SenderInstitution = "DE:DRV0001";
            s.Decision.LegislationState = "DE";
        }));
        Assert.Equal(!invalidated, next.Anomalies.Any(a => a.RuleId == "LEG-02"));
    }

    [Fact]
    public void Evaluate_is_safe_from_parallel_callers()
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([A1], [Declaration]));
        var seds = Enumerable.Range(0, 400).Select(i => A009(s => s.Envelope.CaseId = "C" + i)).ToArray();
        Parallel.For(0, seds.Length, i => evaluator.Evaluate(new UnitId("p", null, i), seds[i]));
        Assert.Equal(400, evaluator.Stats.Evaluated);
    }

    [Fact]
    public void Snapshot_holder_swaps_atomically()
    {
        var first = ReferenceSnapshot.Build([A1], []);
        var holder = new ReferenceSnapshotHolder(first);
        var evaluator = new SedEvaluator(holder);
        Assert.Equal("A1-0001", evaluator.Evaluate(new UnitId("a", null, 0), A009()).Matches[0].TargetId);
        var old = holder.Swap(ReferenceSnapshot.Build([A1 with { DocumentNumber = "A1-0009" }], []));
        Assert.Same(first, old);
        Assert.Equal("A1-0009", evaluator.Evaluate(new UnitId("b", null, 0), A009()).Matches[0].TargetId);
    }

    [Fact]
    public void A_SED_prepared_before_a_swap_that_brought_its_A1_is_matched_against_the_new_snapshot()
    {
        var holder = new ReferenceSnapshotHolder(ReferenceSnapshot.Build([], [Declaration]));
        var evaluator = new SedEvaluator(holder);
        var sed = A009();
        var prepared = evaluator.Prepare(new UnitId("a", null, 0), sed);

        holder.Swap(ReferenceSnapshot.Build([A1], [Declaration])); // the A1 arrives while the SED is in flight

        var evaluation = evaluator.Complete(new UnitId("a", null, 0), sed, prepared);
        Assert.Equal((MatchStatus.Conform, "A1-0001"), (evaluation.Matches[0].Status, evaluation.Matches[0].TargetId));
    }

    [Fact]
    public void A_SED_matched_before_a_swap_keeps_what_it_was_prepared_with()
    {
        var holder = new ReferenceSnapshotHolder(ReferenceSnapshot.Build([A1], [Declaration]));
        var evaluator = new SedEvaluator(holder);
        var sed = A009();
        var prepared = evaluator.Prepare(new UnitId("a", null, 0), sed);

        holder.Swap(ReferenceSnapshot.Build([A1 with { DocumentNumber = "A1-0009" }], [Declaration]));

        // Nothing was missing: no second matching (the re-evaluation window is for unmatched SEDs).
        Assert.Equal("A1-0001", evaluator.Complete(new UnitId("a", null, 0), sed, prepared).Matches[0].TargetId);
    }

    [Theory]
    [InlineData("16")]
    [InlineData("16(1)")]
    [InlineData("16.2")]
    public void A_long_posting_under_an_Art_16_A1_is_no_PER_02_however_the_article_is_written(string article)
    {
        var agreement = A1 with { DocumentNumber = "A1-0016", Article = article, End = "2027-06-30" };
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([A1, agreement], [Declaration]));
        var evaluation = evaluator.Evaluate(new UnitId("a", null, 0), A009(s => s.Decision.PeriodEnd = "2027-06-30"));
        Assert.DoesNotContain(evaluation.Anomalies, a => a.RuleId == "PER-02");
    }
}
