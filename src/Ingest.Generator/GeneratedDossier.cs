using Ingest.Core.Reference;

namespace Ingest.Generator;

/// <summary>The SEDs and reference records of one dossier.</summary>
public sealed class GeneratedDossier
{
    public List<GeneratedSed> Seds { get; } = [];
    public List<A1Certificate> A1s { get; } = [];
    public List<PostingDeclaration> Declarations { get; } = [];
    /// <summary>Per episode, what the reference caps would have looked at (speculative builds only).</summary>
    internal List<ReferenceBudget> Budget { get; } = [];
}
