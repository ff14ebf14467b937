namespace Ingest.Xml;

/// <summary>Kinds of token the reader reports. An empty element (<c>&lt;a/&gt;</c>) is reported as a start and an end.</summary>
public enum XmlTokenType : byte
{
    None = 0,
    XmlDeclaration = 1,
    StartElement = 2,
    EndElement = 3,
    Text = 4,
    CData = 5,
    Comment = 6,
    ProcessingInstruction = 7,
}
