using Ingest.Xml;

namespace Ingest.Sed;

public sealed class SedParserOptions
{
    // Indentation carries no SED value, so the mapper never sees it (declared first: static initialisers run in order).
    private static readonly XmlReaderOptions s_xml = new() { IgnoreIndentation = true };

    public static SedParserOptions Default { get; } = new();

    /// <summary>Security limits of the XML layer.</summary>
    public XmlReaderOptions Xml { get; init; } = s_xml;

    /// <summary>
    /// Read documents held in one piece of memory with <see cref="Ingest.Xml.Fast.XmlFastReader"/> first (the
    /// general reader takes over for anything outside its subset). Off: the general reader only — the
    /// tests compare the two.
    /// </summary>
    public bool FastPath { get; init; } = true;

    /// <summary>Quarantine records keep a copy of units up to this size (bytes); larger ones keep none.</summary>
    public int MaxRawBytes { get; init; } = 64 * 1024;
}
