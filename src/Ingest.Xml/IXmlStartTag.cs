namespace Ingest.Xml;

/// <summary>
/// What a consumer may read about the start tag it is handed, whichever reader parsed it
/// (<see cref="XmlTokenReader"/> or <see cref="Fast.XmlFastReader"/>): one mapper serves both.
/// </summary>
public interface IXmlStartTag
{
    ReadOnlySpan<byte> LocalName { get; }

    /// <summary>Resolved namespace; empty when none.</summary>
    ReadOnlySpan<byte> NamespaceUri { get; }

    /// <summary>0 for the root element.</summary>
    int Depth { get; }

    /// <summary>Document offset of the tag's '&lt;'.</summary>
    long TokenStartOffset { get; }

    /// <summary>An unprefixed attribute by local name, after normalisation; false when absent.</summary>
    bool TryGetAttribute(ReadOnlySpan<byte> localName, out ReadOnlySpan<byte> value);

    (int Line, int Column) GetLineAndColumn(long offset);
}
