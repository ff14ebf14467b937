using System.Buffers;
using System.Text;
using System.Xml;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

/// <summary>
/// The comparable view of a document used by the differential test: elements with namespace,
/// attributes in order, and text merged between element boundaries (CDATA and text across comments alike).
/// </summary>
internal static class XmlEventStream
{
    public static List<string> FromOurs(byte[] data)
    {
        var events = new List<string>();
        var text = new StringBuilder();
        var reader = new XmlTokenReader(new ReadOnlySequence<byte>(data), true, new XmlReaderState());
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case XmlTokenType.StartElement:
                    Flush(events, text);
                    var sb = new StringBuilder();
                    sb.Append("<{").Append(Encoding.UTF8.GetString(reader.NamespaceUri)).Append('}').Append(Encoding.UTF8.GetString(reader.LocalName));
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        var a = reader.GetAttribute(i);
                        sb.Append(" {").Append(Encoding.UTF8.GetString(a.NamespaceUri)).Append('}').Append(Encoding.UTF8.GetString(a.LocalName))
                            .Append("=[").Append(Encoding.UTF8.GetString(a.Value)).Append(']');
                    }
                    events.Add(sb.ToString());
                    break;
                case XmlTokenType.EndElement:
                    Flush(events, text);
                    events.Add("</{" + Encoding.UTF8.GetString(reader.NamespaceUri) + "}" + Encoding.UTF8.GetString(reader.LocalName));
                    break;
                case XmlTokenType.Text:
                case XmlTokenType.CData:
                    text.Append(Encoding.UTF8.GetString(reader.Value));
                    break;
            }
        }
        return events;
    }

    public static List<string> FromXmlReader(byte[] data)
    {
        var events = new List<string>();
        var text = new StringBuilder();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        using var stream = new MemoryStream(data);
        using var reader = XmlReader.Create(stream, settings);
        var open = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Flush(events, text);
                    var sb = new StringBuilder();
                    sb.Append("<{").Append(reader.NamespaceURI).Append('}').Append(reader.LocalName);
                    var empty = reader.IsEmptyElement;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            sb.Append(" {").Append(reader.NamespaceURI).Append('}').Append(reader.LocalName).Append("=[").Append(reader.Value).Append(']');
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    events.Add(sb.ToString());
                    if (empty)
                    {
                        events.Add("</{" + reader.NamespaceURI + "}" + reader.LocalName);
                    }
                    else
                    {
                        open++;
                    }
                    break;
                case XmlNodeType.EndElement:
                    Flush(events, text);
                    open--;
                    events.Add("</{" + reader.NamespaceURI + "}" + reader.LocalName);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (open > 0)
                    {
                        text.Append(reader.Value);
                    }
                    break;
            }
        }
        return events;
    }

    private static void Flush(List<string> events, StringBuilder text)
    {
        if (text.Length > 0)
        {
            events.Add("#" + text);
            text.Clear();
        }
    }
}
