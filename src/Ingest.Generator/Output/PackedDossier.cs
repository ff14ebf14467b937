namespace Ingest.Generator.Output;

/// <summary>
/// A dossier serialised on a worker thread: where its JSON lines and deflated entries sit in the block's
/// buffer. It keeps only what the writer needs (not the records), so blocks waiting in the reorder
/// window are small.
/// </summary>
internal sealed class PackedDossier(long index, IReadOnlyList<ReferenceBudget> budget, Range a1Lines, Range declarationLines, PackedSed[] seds)
{
    public long Index => index;
    public IReadOnlyList<ReferenceBudget> Budget => budget;
    public Range A1Lines => a1Lines;
    public Range DeclarationLines => declarationLines;
    public PackedSed[] Seds => seds;
}
