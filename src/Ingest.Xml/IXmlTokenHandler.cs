namespace Ingest.Xml;

/// <summary>Receives each token while the reader sits on it (push model, so mapping resumes across buffers).</summary>
public interface IXmlTokenHandler
{
    void OnToken(ref XmlTokenReader reader);
}
