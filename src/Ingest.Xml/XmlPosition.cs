using System.Buffers;

namespace Ingest.Xml;

/// <summary>Line and column (1-based, column in characters) of a byte offset, for reports outside the reader.</summary>
public static class XmlPosition
{
    public static (int Line, int Column) LineAndColumn(ReadOnlySequence<byte> document, long offset)
    {
        int line = 1, column = 1;
        var cr = false;
        XmlLineCounter.Advance(document.Slice(0, Math.Clamp(offset, 0, document.Length)), ref line, ref column, ref cr);
        return (line, column);
    }
}
