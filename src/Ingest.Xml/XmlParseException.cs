namespace Ingest.Xml;

/// <summary>A rejected document: the code, where (byte offset, 1-based line and column in characters) and inside which element.</summary>
public sealed class XmlParseException : Exception
{
    public XmlParseException(ParseErrorCode code, string message, long byteOffset, int line, int column, string elementPath)
        : base(message)
    {
        Code = code;
        ByteOffset = byteOffset;
        Line = line;
        Column = column;
        ElementPath = elementPath;
    }

    public XmlParseException()
    {
        ElementPath = "";
    }

    public XmlParseException(string message)
        : base(message)
    {
        ElementPath = "";
    }

    public XmlParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        ElementPath = "";
    }

    public ParseErrorCode Code { get; }

    public long ByteOffset { get; }

    public int Line { get; }

    public int Column { get; }

    public string ElementPath { get; }
}
