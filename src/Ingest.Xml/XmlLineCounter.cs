using System.Buffers;

namespace Ingest.Xml;

/// <summary>Advances a 1-based line and character column over bytes; CRLF, CR and LF each end a line.</summary>
internal static class XmlLineCounter
{
    public static void Advance(ReadOnlySequence<byte> data, ref int line, ref int column, ref bool lastWasCr)
    {
        foreach (var memory in data)
        {
            Advance(memory.Span, ref line, ref column, ref lastWasCr);
        }
    }

    public static void Advance(ReadOnlySpan<byte> span, ref int line, ref int column, ref bool lastWasCr)
    {
        while (!span.IsEmpty)
        {
            var nl = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (nl < 0)
            {
                column += CountChars(span);
                lastWasCr = false;
                return;
            }
            column += CountChars(span[..nl]);
            var b = span[nl];
            if (!(b == (byte)'\n' && lastWasCr && nl == 0))
            {
                line++;
                column = 1;
            }
            lastWasCr = b == (byte)'\r';
            span = span[(nl + 1)..];
        }
    }

    // Characters, not bytes: UTF-8 continuation bytes do not start a character.
    private static int CountChars(ReadOnlySpan<byte> span)
    {
        var count = span.Length;
        var i = span.IndexOfAnyInRange((byte)0x80, (byte)0xBF);
        while (i >= 0)
        {
            count--;
            span = span[(i + 1)..];
            i = span.IndexOfAnyInRange((byte)0x80, (byte)0xBF);
        }
        return count;
    }
}
