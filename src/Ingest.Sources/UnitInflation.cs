using System.IO.Compression;
using System.IO.Hashing;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// Expands a unit read as raw deflate (see <see cref="UnitSourceOptions.DeferInflate"/>) where the
/// work can run in parallel: in the parse workers rather than on the single reading thread.
/// </summary>
public static class UnitInflation
{
    /// <summary>
    /// The unit itself when it is not compressed; otherwise a new unit with the expanded bytes (the
    /// compressed one is disposed), or a FramingError unit when the data is corrupt.
    /// </summary>
    public static InputUnit Inflate(InputUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Deflated is not { } deflated)
        {
            return unit;
        }
        using (unit)
        {
            var buffer = new PooledBuffer(deflated.ExpandedLength);
            try
            {
                var error = Expand(unit.Payload.First, buffer.Array.AsSpan(0, deflated.ExpandedLength), deflated);
                if (error is not null)
                {
                    buffer.Dispose();
                    return new InputUnit(unit.Id, ReadOnlyMemory<byte>.Empty) { Headers = unit.Headers, FramingError = error };
                }
                return new InputUnit(unit.Id, buffer.Memory, buffer) { Headers = unit.Headers };
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }
    }

    private static string? Expand(ReadOnlyMemory<byte> compressed, Span<byte> target, DeflatedPayload deflated)
    {
        var error = Zip.NativeInflater.IsAvailable ? Zip.NativeInflater.Inflate(compressed.Span, target) : ExpandWithStream(compressed, target, deflated);
        if (error is not null)
        {
            return error;
        }
        var crc = Crc32.HashToUInt32(target);
        return crc == deflated.Crc32 ? null : $"zip entry CRC-32 is {crc:x8}, the archive says {deflated.Crc32:x8}";
    }

    internal static string? ExpandWithStream(ReadOnlyMemory<byte> compressed, Span<byte> target, DeflatedPayload deflated)
    {
        try
        {
            using var stream = new DeflateStream(new ReadOnlyMemoryStream(compressed), CompressionMode.Decompress);
            var filled = 0;
            while (filled < target.Length)
            {
                var read = stream.Read(target[filled..]);
                if (read == 0)
                {
                    return $"zip entry expands to {filled} bytes, the archive says {deflated.ExpandedLength}";
                }
                filled += read;
            }
            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) != 0)
            {
                return $"zip entry expands beyond the {deflated.ExpandedLength} bytes the archive says";
            }
        }
        catch (InvalidDataException e)
        {
            return $"zip entry is not valid deflate data: {e.Message}";
        }
        return null;
    }
}
