using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// Cuts "#SED &lt;byte-length&gt;\n&lt;bytes&gt;\n" frames from a stream. The framing never looks inside a
/// document; a bad header or a short frame yields one FramingError unit (with its offset) and ends that stream.
/// </summary>
internal static class SedsFraming
{
    private const int MaxHeader = 32;

    public static async IAsyncEnumerable<InputUnit> ReadAsync(string source, string? entry, Stream stream, UnitSourceOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new BufferedByteReader(stream);
        long offset = 0;
        for (var index = 0; ; index++)
        {
            var name = entry is null ? $"{source}#{index}" : $"{entry}#{index}";
            var headerStart = offset;
            var header = await reader.ReadLineAsync(MaxHeader, cancellationToken).ConfigureAwait(false);
            if (header is null)
            {
                yield break;
            }
            offset += header.Value.Consumed;
            if (!TryParseHeader(header.Value.Line, header.Value.EndedWithNewline, out var length))
            {
                yield return Error(source, entry, name, headerStart, $"bad frame header at byte {headerStart}");
                yield break;
            }
            if (length > options.MaxUnitBytes)
            {
                yield return Error(source, entry, name, headerStart, $"frame at byte {headerStart} is larger than the {options.MaxUnitBytes}-byte limit");
                yield break;
            }
            var buffer = new PooledBuffer(length);
            int read;
            try
            {
                read = await reader.ReadExactlyAsync(buffer.Array.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
            if (read < length)
            {
                buffer.Dispose();
                yield return Error(source, entry, name, offset, $"short frame at byte {offset}: {read} of {length} bytes");
                yield break;
            }
            var payloadOffset = offset;
            offset += length;
            var terminator = await reader.ReadByteAsync(cancellationToken).ConfigureAwait(false);
            var id = entry is null ? new UnitId(name, null, payloadOffset) : new UnitId(source, name, payloadOffset);
            if (terminator is not ('\n' or -1))
            {
                buffer.Dispose();
                yield return Error(source, entry, name, offset, $"frame at byte {payloadOffset} is not followed by a newline");
                yield break;
            }
            offset += terminator == -1 ? 0 : 1;
            yield return new InputUnit(id, buffer.Memory, buffer);
        }
    }

    private static bool TryParseHeader(ReadOnlySpan<byte> line, bool endedWithNewline, out int length)
    {
        length = 0;
        return endedWithNewline
            && line.StartsWith("#SED "u8)
            && line.Length > 5
            && line[5..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && Utf8Parser.TryParse(line[5..], out length, out var consumed)
            && consumed == line.Length - 5;
    }

    private static InputUnit Error(string source, string? entry, string name, long offset, string message)
    {
        var id = entry is null ? new UnitId(name, null, offset) : new UnitId(source, name, offset);
        return new InputUnit(id, ReadOnlyMemory<byte>.Empty) { FramingError = message };
    }
}
