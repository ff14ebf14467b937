using System.Buffers;

namespace Ingest.Xml;

/// <summary>Advances a 1-based line and character column over bytes; CRLF, CR and LF each end a line.</summary>
internal static class XmlLineCounter
{
    public static void Advance(ReadOnlySequence<byte> data, ref int line, ref int column, ref bool lastWasCr)
    {
        if (AtStart(line, column, lastWasCr) && data.Length >= 3)
        {
            Span<byte> head = stackalloc byte[3];
            data.Slice(0, 3).CopyTo(head);
            if (head.SequenceEqual(Bom))
            {
                data = data.Slice(3);
            }
        }
        foreach (var memory in data)
        {
            AdvanceChars(memory.Span, ref line, ref column, ref lastWasCr);
        }
    }

    public static void Advance(ReadOnlySpan<byte> span, ref int line, ref int column, ref bool lastWasCr)
    {
        if (AtStart(line, column, lastWasCr) && span.StartsWith(Bom))
        {
            span = span[3..];
        }
        AdvanceChars(span, ref line, ref column, ref lastWasCr);
    }

    // The byte order mark is not a character of the document: the first tag is at column 1, with or without it.
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static bool AtStart(int line, int column, bool lastWasCr) => line == 1 && column == 1 && !lastWasCr;

    private static void AdvanceChars(ReadOnlySpan<byte> span, ref int line, ref int column, ref bool lastWasCr)
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
