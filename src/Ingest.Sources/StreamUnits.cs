using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>Reads a whole stream of known or unknown length into a pooled unit, refusing units over the limit.</summary>
internal static class StreamUnits
{
    public static async ValueTask<InputUnit> ReadAsync(UnitId id, Stream stream, long? knownLength, UnitSourceOptions options, CancellationToken cancellationToken)
    {
        if (knownLength > options.MaxUnitBytes)
        {
            return TooLarge(id, options);
        }
        var capacity = (int)(knownLength ?? 64 * 1024);
        var buffer = new PooledBuffer(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Array.Length)
                {
                    if (length >= options.MaxUnitBytes)
                    {
                        buffer.Dispose();
                        return TooLarge(id, options);
                    }
                    var bigger = new PooledBuffer(Math.Min(options.MaxUnitBytes + 1, length * 2));
                    buffer.Array.AsSpan(0, length).CopyTo(bigger.Array);
                    buffer.Dispose();
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.Array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
            if (length > options.MaxUnitBytes)
            {
                buffer.Dispose();
                return TooLarge(id, options);
            }
            return new InputUnit(id, buffer.Array.AsMemory(0, length), buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public static InputUnit TooLarge(UnitId id, UnitSourceOptions options) =>
        new(id, ReadOnlyMemory<byte>.Empty) { FramingError = $"document is larger than the {options.MaxUnitBytes}-byte limit (Parser:MaxDocumentBytes)", Oversized = true };
}
