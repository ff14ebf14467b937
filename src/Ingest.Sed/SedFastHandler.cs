using Ingest.Xml.Fast;

namespace Ingest.Sed;

/// <summary>The fast reader's struct handler for <see cref="SedDocumentMapper"/> (see <see cref="SedTokenHandler"/>).</summary>
internal readonly struct SedFastHandler(SedDocumentMapper mapper) : IXmlFastHandler
{
    public ref readonly XmlNameGuess NextName => ref mapper.NextName;

    public bool OnStartElement(ref XmlFastReader tag) => mapper.OnStart(ref tag);

    public bool OnGuessedStartElement(ref XmlFastReader tag) => mapper.OnGuessedStart();

    public void OnEndElement() => mapper.OnEnd();

    public void OnText(ReadOnlySpan<byte> text, bool isAscii) => mapper.OnText(text, isAscii);
}
