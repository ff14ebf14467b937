namespace Ingest.Generator.Output;

/// <summary>A dossier serialised on a worker thread: its JSON lines and deflated entries, ready to append.</summary>
internal sealed class PackedDossier(long index, GeneratedDossier dossier, byte[] a1Lines, byte[] declarationLines, PackedSed[] seds)
{
    public long Index => index;
    public GeneratedDossier Dossier => dossier;
    public byte[] A1Lines => a1Lines;
    public byte[] DeclarationLines => declarationLines;
    public PackedSed[] Seds => seds;
}
