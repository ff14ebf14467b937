using Ingest.Core.Reference;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>Reference data, SEDs evaluated before, and the SED under test.</summary>
internal sealed record Scenario(IReadOnlyList<A1Certificate> A1s, IReadOnlyList<PostingDeclaration> Declarations, IReadOnlyList<SedRecord> Before, SedRecord Sed)
{
    /// <summary>The default world: one A1, one declaration, the SED given.</summary>
    public static Scenario Of(SedRecord sed) => new([TestData.A1], [TestData.Declaration], [], sed);

    public Scenario WithA1s(params A1Certificate[] a1s) => this with { A1s = a1s };

    public Scenario WithDeclarations(params PostingDeclaration[] declarations) => this with { Declarations = declarations };

    public Scenario After(params SedRecord[] before) => this with { Before = before };

    public SedEvaluation Evaluate()
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build(A1s, Declarations));
        var i = 0;
        foreach (var s in Before)
        {
            evaluator.Evaluate(new UnitId("before", null, i++), s);
        }
        return evaluator.Evaluate(new UnitId("test", null, 0), Sed);
    }
}
