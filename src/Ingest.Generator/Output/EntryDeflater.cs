using System.Runtime.CompilerServices;
using System.IO.Hashing;

namespace Ingest.Generator.Output;

/// <summary>Raw deflate (zip method 8) of one entry plus its CRC-32, with a per-thread encoder.</summary>
internal static class EntryDeflater
{
    [ThreadStatic]
    private static FixedHuffmanDeflater? t_deflater;

    public static DeflatedEntry Deflate(ReadOnlySpan<byte> data) =>
        new((t_deflater ??= new FixedHuffmanDeflater()).Deflate(data), Crc32.HashToUInt32(data), data.Length);

    /// <summary>Appends the deflated bytes to <paramref name="output"/>; returns their length and the CRC-32 of <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Length, uint Crc32) Deflate(ReadOnlySpan<byte> data, BlockBuffer output)
    {
        var written = (t_deflater ??= new FixedHuffmanDeflater()).Deflate(data, output.GetSpan(FixedHuffmanDeflater.MaxOutputLength(data.Length)));
        output.Advance(written);
        return (written, Crc32.HashToUInt32(data));
    }
}
