using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Sed;

namespace Ingest.Pipeline;

/// <summary>
/// The composition root of the engine's stages, shared by the nightly job and the stream worker so
/// both run exactly the same parser, matcher and rules.
/// </summary>
public static class Engine
{
    public static ISedParser CreateParser(SedParserOptions? options = null) => new SedParser(options);

    public static SedEvaluator CreateEvaluator(ReferenceSnapshotHolder snapshots, EvaluatorOptions? options = null) => new(snapshots, options);

    /// <summary>Loads the reference data files; a missing file means "no reference data of that kind", said loudly by the caller.</summary>
    public static ReferenceSnapshot LoadReference(string? a1Path, string? declarationsPath) => ReferenceSnapshot.LoadIndexed(a1Path, declarationsPath);

    /// <summary>The records themselves, for a caller that reads more of them than matching keeps (the evaluation's audit).</summary>
    public static (List<Core.Reference.A1Certificate> A1, List<Core.Reference.PostingDeclaration> Declarations) LoadReferenceRecords(string? a1Path, string? declarationsPath) =>
        ([.. a1Path is not null && File.Exists(a1Path) ? Core.Reference.ReferenceJsonl.ReadA1(a1Path) : []],
         [.. declarationsPath is not null && File.Exists(declarationsPath) ? Core.Reference.ReferenceJsonl.ReadDeclarations(declarationsPath) : []]);
}
