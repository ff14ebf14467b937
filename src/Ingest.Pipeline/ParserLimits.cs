using Ingest.Sed;
using Ingest.Sources;
using Ingest.Xml;

namespace Ingest.Pipeline;

/// <summary>
/// The "Parser" configuration section: the security limits every verb and the worker parse with
/// (defaults are <see cref="XmlReaderOptions"/>'s). A unit crossing one is quarantined with that
/// limit's own error code; the document-size limit also caps what a source reads into memory.
/// </summary>
public sealed class ParserLimits
{
    public const string Section = "Parser";

    private static readonly XmlReaderOptions Defaults = XmlReaderOptions.Default;

    public long MaxDocumentBytes { get; set; } = Defaults.MaxDocumentBytes;

    public int MaxDepth { get; set; } = Defaults.MaxDepth;

    public int MaxAttributes { get; set; } = Defaults.MaxAttributes;

    public int MaxNameLength { get; set; } = Defaults.MaxNameLength;

    public int MaxTextLength { get; set; } = Defaults.MaxTextLength;

    public int MaxTokenLength { get; set; } = Defaults.MaxTokenLength;

    public int MaxElements { get; set; } = Defaults.MaxElements;

    /// <summary>The parser's options; throws <see cref="ArgumentOutOfRangeException"/> naming a limit that is not positive.</summary>
    public SedParserOptions ToParserOptions()
    {
        var xml = new XmlReaderOptions
        {
            MaxDocumentBytes = MaxDocumentBytes,
            MaxDepth = MaxDepth,
            MaxAttributes = MaxAttributes,
            MaxNameLength = MaxNameLength,
            MaxTextLength = MaxTextLength,
            MaxTokenLength = MaxTokenLength,
            MaxElements = MaxElements,
            IgnoreIndentation = SedParserOptions.Default.Xml.IgnoreIndentation,
        };
        return new SedParserOptions { Xml = xml.Validate() };
    }

    /// <summary>What sources read into memory: no unit larger than a document may be.</summary>
    public UnitSourceOptions ToSourceOptions(bool deferInflate = false) => new()
    {
        MaxUnitBytes = (int)Math.Clamp(MaxDocumentBytes, 1, Array.MaxLength),
        DeferInflate = deferInflate,
    };
}
