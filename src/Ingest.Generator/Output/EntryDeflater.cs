using System.IO.Compression;
using System.IO.Hashing;

namespace Ingest.Generator.Output;

/// <summary>Raw deflate (as zip method 8 stores it) at <see cref="CompressionLevel.Fastest"/>, plus CRC-32.</summary>
internal static class EntryDeflater
{
    [ThreadStatic]
    private static MemoryStream? t_buffer;

    public static DeflatedEntry Deflate(ReadOnlySpan<byte> data)
    {
        var buffer = t_buffer ??= new MemoryStream(16 * 1024);
        buffer.SetLength(0);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }
        return new DeflatedEntry(buffer.ToArray(), Crc32.HashToUInt32(data), data.Length);
    }
}
