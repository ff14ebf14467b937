namespace Ingest.Xml.Fast;

/// <summary>
/// Push callbacks of <see cref="XmlFastReader"/>, implemented on a struct so the calls are inlined.
/// The same contract as <see cref="IXmlElementHandler"/>: a refused start tag's content is read and
/// checked but not reported, and its end tag is the next call.
/// </summary>
public interface IXmlFastHandler
{
    /// <summary>
    /// The name the handler expects the next start tag to have (see <see cref="XmlNameGuess"/>); a default
    /// guess guesses nothing. Read before each start tag outside skipped content.
    /// </summary>
    ref readonly XmlNameGuess NextName { get; }

    bool OnStartElement(ref XmlFastReader tag);

    /// <summary>
    /// A start tag whose name is <see cref="NextName"/> as written (no attribute, not empty): the same
    /// contract as <see cref="OnStartElement"/>, for a handler that can skip its own lookup of the name.
    /// </summary>
    bool OnGuessedStartElement(ref XmlFastReader tag);

    void OnEndElement();

    /// <summary>Text exactly as the general reader reports it (this reader only takes text that needs no decoding).</summary>
    void OnText(ReadOnlySpan<byte> text, bool isAscii);
}
