namespace Ingest.Generator.Output;

/// <summary>Consecutive dossiers packed by one worker, all bytes in one pooled buffer.</summary>
internal sealed class PackedBlock(BlockBuffer buffer, PackedDossier[] dossiers)
{
    public BlockBuffer Buffer => buffer;
    public PackedDossier[] Dossiers => dossiers;

    public ReadOnlySpan<byte> Bytes(Range range)
    {
        var (offset, length) = range.GetOffsetAndLength(buffer.WrittenCount);
        return buffer.Slice(offset, length);
    }

    public DeflatedEntry Entry(in PackedSed sed)
    {
        var (offset, length) = sed.Entry.GetOffsetAndLength(buffer.WrittenCount);
        return new DeflatedEntry(buffer.SliceMemory(offset, length), sed.Crc32, sed.XmlLength);
    }
}
