using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>An A008 cancelling the whole period voids its case's decisions until an X008 voids the A008.</summary>
public sealed class CancellationTests
{
    [Fact]
    public void An_x008_naming_the_cancellation_gives_the_posting_back_its_validity()
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build([TestData.A1], [TestData.Declaration]));
        var posting = TestData.A009();
        var a008 = RuleCases.A008("cancellation", "1");
        evaluator.Evaluate(new UnitId("eessi.la.seds/0", null, 0), posting);
        evaluator.Evaluate(new UnitId("eessi.la.seds/0", null, 1), a008);
        Assert.Contains(("C1", posting.Envelope.DocumentId), evaluator.InvalidatedDocuments());

        var x008 = evaluator.Evaluate(new UnitId("eessi.la.seds/0", null, 2), RuleCases.X008("A008", "2025-03-01"));

        Assert.Contains(x008.Anomalies, a => a.RuleId == "LIFE-01");
        Assert.Equal([("C1", a008.Envelope.DocumentId)], evaluator.InvalidatedDocuments());
    }
}
