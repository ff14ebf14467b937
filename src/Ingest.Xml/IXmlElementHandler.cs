namespace Ingest.Xml;

/// <summary>
/// Typed push callbacks for <see cref="XmlTokenReader.ReadToEnd{THandler}"/> (Kestrel's parser-handler
/// pattern: implement it on a struct so the calls are devirtualised and inlined). During each call the
/// reader sits on the token exactly as after <see cref="XmlTokenReader.Read"/>; a callback must not move it.
/// </summary>
public interface IXmlElementHandler
{
    /// <summary>A start tag. Return false to skip the element's content: it is still read and checked, but the next call is its <see cref="OnEndElement"/>.</summary>
    bool OnStartElement(ref XmlTokenReader reader);

    void OnEndElement(ref XmlTokenReader reader);

    /// <summary>Text or a CDATA section.</summary>
    void OnText(ref XmlTokenReader reader);

    /// <summary>The XML declaration, a comment or a processing instruction.</summary>
    void OnOther(ref XmlTokenReader reader);
}
