using System.IO.Hashing;

namespace Ingest.Generator.Output;

/// <summary>Raw deflate (zip method 8) of one entry plus its CRC-32, with a per-thread encoder.</summary>
internal static class EntryDeflater
{
    [ThreadStatic]
    private static FixedHuffmanDeflater? t_deflater;

    public static DeflatedEntry Deflate(ReadOnlySpan<byte> data) =>
        new((t_deflater ??= new FixedHuffmanDeflater()).Deflate(data), Crc32.HashToUInt32(data), data.Length);
}
