using Ingest.Xml;

namespace Ingest.Sed;

public sealed class SedParserOptions
{
    public static SedParserOptions Default { get; } = new();

    /// <summary>Security limits of the XML layer.</summary>
    public XmlReaderOptions Xml { get; init; } = XmlReaderOptions.Default;

    /// <summary>Quarantine records keep a copy of units up to this size (bytes); larger ones keep none.</summary>
    public int MaxRawBytes { get; init; } = 64 * 1024;
}
