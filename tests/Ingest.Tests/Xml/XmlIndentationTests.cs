using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

public sealed class XmlIndentationTests
{
    private static List<string> Tokens(byte[] doc, XmlReaderOptions options)
    {
        var list = new List<string>();
        try
        {
            var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), true, new XmlReaderState(options));
            while (reader.Read())
            {
                list.Add($"{reader.TokenType}\u0001{Encoding.UTF8.GetString(reader.Name)}\u0001{Raw(doc, reader.TokenType, reader.TokenStartOffset)}\u0001{Encoding.UTF8.GetString(reader.Value)}\u0001{reader.TokenStartOffset}");
            }
        }
        catch (XmlParseException e)
        {
            list.Add(XmlTokenDump.Describe(e));
        }
        return list;
    }

    // Indentation is judged on the raw bytes (a reference such as &#10; is content, not indentation).
    private static string Raw(byte[] doc, XmlTokenType type, long offset)
    {
        if (type != XmlTokenType.Text)
        {
            return "";
        }
        var rest = doc.AsSpan((int)offset);
        var end = rest.IndexOf((byte)'<');
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    private static bool IsIndentation(string token)
    {
        var parts = token.Split('\u0001');
        return parts[0] == "Text" && parts[2].Length > 0 && parts[2].All(c => c is ' ' or '\t' or '\n' or '\r') && parts[2].IndexOfAny(['\n', '\r']) >= 0;
    }

    [Property(MaxTest = 200)]
    public Property Ignoring_indentation_only_drops_whitespace_text_with_a_line_break() =>
        Prop.ForAll(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated).ToArbitrary(), doc =>
        {
            var all = Tokens(doc, XmlReaderOptions.Default);
            var skipping = Tokens(doc, new XmlReaderOptions { IgnoreIndentation = true });
            Assert.Equal(all.Where(t => !IsIndentation(t)), skipping);
        });
}
