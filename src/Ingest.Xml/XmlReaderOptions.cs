namespace Ingest.Xml;

/// <summary>Security limits. Every limit, when crossed, rejects the document with its own <see cref="ParseErrorCode"/>.</summary>
public sealed class XmlReaderOptions
{
    public static XmlReaderOptions Default { get; } = new();

    /// <summary>Total document size in bytes (<see cref="ParseErrorCode.DocumentTooLarge"/>).</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Element nesting depth (<see cref="ParseErrorCode.DepthExceeded"/>).</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Attributes on one element, namespace declarations included (<see cref="ParseErrorCode.TooManyAttributes"/>).</summary>
    public int MaxAttributes { get; init; } = 64;

    /// <summary>Bytes in one qualified name (<see cref="ParseErrorCode.NameTooLong"/>).</summary>
    public int MaxNameLength { get; init; } = 256;

    /// <summary>Bytes of one text run, CDATA section, comment, PI or attribute value (<see cref="ParseErrorCode.TextTooLong"/>).</summary>
    public int MaxTextLength { get; init; } = 1024 * 1024;

    /// <summary>Bytes of one tag, whitespace and attributes included (<see cref="ParseErrorCode.TokenTooLong"/>).</summary>
    public int MaxTokenLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Elements in the document (<see cref="ParseErrorCode.TooManyElements"/>).</summary>
    public int MaxElements { get; init; } = 1_000_000;

    /// <summary>
    /// Skip indentation: whitespace-only text that contains a line break is not reported as a token
    /// (still validated and counted). Halves the tokens of pretty-printed documents; a value made only
    /// of whitespace with a line break is then lost, so leave it off where that matters.
    /// </summary>
    public bool IgnoreIndentation { get; init; }

    /// <summary>
    /// The caller transcoded the document to UTF-8 from the encoding it declares (see
    /// <see cref="XmlTranscoding"/>): that declaration is accepted instead of refused.
    /// </summary>
    public bool Transcoded { get; init; }

    /// <summary>These limits, for a document the caller transcoded to UTF-8 (<see cref="Transcoded"/>).</summary>
    public XmlReaderOptions ForTranscoded() => new()
    {
        MaxDocumentBytes = MaxDocumentBytes,
        MaxDepth = MaxDepth,
        MaxAttributes = MaxAttributes,
        MaxNameLength = MaxNameLength,
        MaxTextLength = MaxTextLength,
        MaxTokenLength = MaxTokenLength,
        MaxElements = MaxElements,
        IgnoreIndentation = IgnoreIndentation,
        Transcoded = true,
    };

    /// <summary>Throws when a limit is not positive, so a bad configuration fails at start-up.</summary>
    public XmlReaderOptions Validate()
    {
        if (MaxDocumentBytes <= 0 || MaxDepth <= 0 || MaxAttributes <= 0 || MaxNameLength <= 0
            || MaxTextLength <= 0 || MaxTokenLength <= 0 || MaxElements <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(XmlReaderOptions), "every XML limit must be positive");
        }
        return this;
    }
}
