using System.Buffers;
using System.Text;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

/// <summary>Renders everything the reader reports as strings, so runs can be compared exactly.</summary>
internal static class XmlTokenDump
{
    public static List<string> Dump(ReadOnlySequence<byte> data, XmlReaderOptions? options = null)
    {
        var output = new List<string>();
        var state = new XmlReaderState(options);
        try
        {
            var reader = new XmlTokenReader(data, isFinalBlock: true, state);
            while (reader.Read())
            {
                output.Add(Describe(ref reader));
            }
            output.Add($"end consumed={reader.BytesConsumed}");
        }
        catch (XmlParseException e)
        {
            output.Add(Describe(e));
        }
        return output;
    }

    /// <summary>Feeds the bytes in increments ending at <paramref name="arrivals"/>, resuming from the state each time (pipe style).</summary>
    public static List<string> DumpIncremental(byte[] data, IReadOnlyList<int> arrivals, XmlReaderOptions? options = null)
    {
        var output = new List<string>();
        var state = new XmlReaderState(options);
        try
        {
            var points = arrivals.Where(a => a > 0 && a < data.Length).Distinct().Order().Append(data.Length).ToList();
            foreach (var arrived in points)
            {
                var consumed = (int)state.BytesConsumed;
                var final = arrived == data.Length;
                var reader = new XmlTokenReader(new ReadOnlySequence<byte>(data, consumed, arrived - consumed), final, state);
                while (reader.Read())
                {
                    output.Add(Describe(ref reader));
                }
                state = reader.CurrentState;
                if (final)
                {
                    output.Add($"end consumed={reader.BytesConsumed}");
                }
            }
        }
        catch (XmlParseException e)
        {
            output.Add(Describe(e));
        }
        return output;
    }

    public static string Describe(XmlParseException e) =>
        $"error {e.Code} at {e.ByteOffset} line {e.Line} col {e.Column} path {e.ElementPath}";

    public static string Describe(ref XmlTokenReader r)
    {
        var sb = new StringBuilder();
        sb.Append(r.TokenType).Append(" @").Append(r.TokenStartOffset).Append(" d").Append(r.Depth).Append(' ');
        switch (r.TokenType)
        {
            case XmlTokenType.StartElement:
                sb.Append('{').Append(U(r.NamespaceUri)).Append('}').Append(U(r.Name)).Append(r.IsEmptyElement ? " empty" : "");
                for (var i = 0; i < r.AttributeCount; i++)
                {
                    var a = r.GetAttribute(i);
                    sb.Append(" {").Append(U(a.NamespaceUri)).Append('}').Append(U(a.Name)).Append("=[").Append(U(a.Value)).Append(']');
                }
                break;
            case XmlTokenType.EndElement:
                sb.Append('{').Append(U(r.NamespaceUri)).Append('}').Append(U(r.Name));
                break;
            default:
                sb.Append(U(r.Name)).Append(" [").Append(U(r.Value)).Append(']');
                break;
        }
        return sb.ToString();
    }

    private static string U(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);
}
