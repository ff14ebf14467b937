namespace Ingest.Xml.Fast;

/// <summary>
/// Push callbacks of <see cref="XmlFastReader"/>, implemented on a struct so the calls are inlined.
/// The same contract as <see cref="IXmlElementHandler"/>: a refused start tag's content is read and
/// checked but not reported, and its end tag is the next call.
/// </summary>
public interface IXmlFastHandler
{
    bool OnStartElement(ref XmlFastReader tag);

    void OnEndElement();

    /// <summary>Text exactly as the general reader reports it (this reader only takes text that needs no decoding).</summary>
    void OnText(ReadOnlySpan<byte> text, bool isAscii);
}
