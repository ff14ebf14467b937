using Ingest.Xml;

namespace Ingest.Sed;

/// <summary>The reader's struct handler for <see cref="SedDocumentMapper"/>: a struct, so the reader's loop calls the mapper directly.</summary>
internal readonly struct SedTokenHandler(SedDocumentMapper mapper) : IXmlElementHandler
{
    public bool OnStartElement(ref XmlTokenReader reader) => mapper.OnStart(ref reader);

    public void OnEndElement(ref XmlTokenReader reader) => mapper.OnEnd();

    // This reader reports text around a comment, PI or CDATA section as separate tokens.
    public void OnText(ref XmlTokenReader reader) => mapper.OnText(reader.Value, reader.ValueIsAscii, inPieces: true);

    public void OnOther(ref XmlTokenReader reader)
    {
    }
}
