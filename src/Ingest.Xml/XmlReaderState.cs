namespace Ingest.Xml;

/// <summary>
/// Everything the reader needs to resume at the next buffer, as a plain struct (the
/// Utf8JsonReader pattern). The element and namespace stacks live in <see cref="XmlReaderBuffers"/>,
/// so a state is only valid with the buffers it was created with and only its latest copy may be resumed.
/// </summary>
public struct XmlReaderState
{
    internal XmlReaderBuffers Buffers;
    internal XmlReaderOptions Options;
    internal long Consumed;
    internal int Line;
    internal int Column;
    internal bool LastWasCarriageReturn;
    internal XmlDocumentPhase Phase;
    internal bool PendingEnd;
    internal int ElementCount;
    /// <summary>Depth (1-based) of the element <see cref="XmlTokenReader.ReadToEnd{THandler}"/> is skipping; 0 when none.</summary>
    internal int SkipDepth;

    public XmlReaderState()
        : this(null, null)
    {
    }

    public XmlReaderState(XmlReaderOptions? options, XmlReaderBuffers? buffers = null)
    {
        Options = options ?? XmlReaderOptions.Default;
        Buffers = buffers ?? new XmlReaderBuffers();
        Buffers.Reset();
        Line = 1;
        Column = 1;
    }

    /// <summary>Bytes of the document consumed so far (the offset of the next token).</summary>
    public readonly long BytesConsumed => Consumed;

    /// <summary>1-based line of <see cref="BytesConsumed"/>.</summary>
    public readonly int LineNumber => Line;

    /// <summary>1-based column, in characters, of <see cref="BytesConsumed"/>.</summary>
    public readonly int ColumnNumber => Column;

    public readonly int Depth => Buffers?.Depth ?? 0;

    /// <summary>True once the root element has been closed.</summary>
    public readonly bool RootClosed => Phase == XmlDocumentPhase.Epilog;
}
