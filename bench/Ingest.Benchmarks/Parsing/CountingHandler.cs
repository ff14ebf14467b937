using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Benchmarks.Parsing;

/// <summary>A push handler that only counts, to time the reader's push loop alone.</summary>
internal struct CountingHandler : IXmlElementHandler, IXmlFastHandler
{
    private static readonly XmlNameGuess NoGuess;

    public int Count;

    public bool OnStartElement(ref XmlTokenReader reader)
    {
        Count++;
        return true;
    }

    public void OnEndElement(ref XmlTokenReader reader) => Count++;

    public void OnText(ref XmlTokenReader reader) => Count += reader.Value.Length;

    public void OnOther(ref XmlTokenReader reader)
    {
    }

    // Guesses nothing: the reader's own name scan is what this handler times.
    public readonly ref readonly XmlNameGuess NextName => ref NoGuess;

    public bool OnStartElement(ref XmlFastReader tag)
    {
        Count++;
        return true;
    }

    public bool OnGuessedStartElement(ref XmlFastReader tag) => OnStartElement(ref tag);

    public void OnEndElement() => Count++;

    public void OnText(ReadOnlySpan<byte> text, bool isAscii) => Count += text.Length;
}
