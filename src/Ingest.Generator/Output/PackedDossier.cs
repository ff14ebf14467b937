namespace Ingest.Generator.Output;

/// <summary>
/// A dossier serialised on a worker thread: its JSON lines and deflated entries, ready to append. It
/// keeps only what the writer needs (not the records), so blocks waiting in the reorder window are small.
/// </summary>
internal sealed class PackedDossier(long index, IReadOnlyList<ReferenceBudget> budget, byte[] a1Lines, byte[] declarationLines, PackedSed[] seds)
{
    public long Index => index;
    public IReadOnlyList<ReferenceBudget> Budget => budget;
    public byte[] A1Lines => a1Lines;
    public byte[] DeclarationLines => declarationLines;
    public PackedSed[] Seds => seds;
}
