using System.Buffers;
using System.Text;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

public sealed class XmlTokenReaderApiTests
{
    [Fact]
    public void Skip_moves_to_the_end_tag_of_the_current_element()
    {
        var doc = "<r><a x='1'><b><c/></b>text</a><d/></r>"u8.ToArray();
        var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), true, new XmlReaderState());
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("a", Encoding.UTF8.GetString(reader.Name));
        Assert.True(reader.TryGetAttribute("x"u8, out var x));
        Assert.Equal("1", Encoding.UTF8.GetString(x));
        Assert.Equal(1, reader.Depth);
        Assert.True(reader.Skip());
        Assert.Equal((XmlTokenType.EndElement, "a", 1), (reader.TokenType, Encoding.UTF8.GetString(reader.Name), reader.Depth));
        Assert.True(reader.Read());
        Assert.Equal((XmlTokenType.StartElement, "d", 1, true), (reader.TokenType, Encoding.UTF8.GetString(reader.Name), reader.Depth, reader.IsEmptyElement));
        Assert.True(reader.Read());
        Assert.Equal((XmlTokenType.EndElement, "d", 1), (reader.TokenType, Encoding.UTF8.GetString(reader.Name), reader.Depth));
        Assert.True(reader.Read());
        Assert.Equal((XmlTokenType.EndElement, 0), (reader.TokenType, reader.Depth));
        Assert.False(reader.Read());
        Assert.Equal(doc.Length, reader.BytesConsumed);
    }

    [Fact]
    public void Need_more_data_is_not_an_error_until_the_final_block()
    {
        var doc = "<r><a>par"u8.ToArray();
        var state = new XmlReaderState();
        var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), false, state);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Equal(6, reader.BytesConsumed);
        var resumed = reader.CurrentState;
        var rest = "<r><a>partial</a></r>"u8.ToArray()[6..];
        var next = new XmlTokenReader(new ReadOnlySequence<byte>(rest), true, resumed);
        Assert.True(next.Read());
        Assert.Equal("partial", Encoding.UTF8.GetString(next.Value));
        var truncated = new XmlTokenReader(new ReadOnlySequence<byte>(doc), true, new XmlReaderState());
        truncated.Read();
        truncated.Read();
        try
        {
            truncated.Read();
            Assert.Fail("a truncated final block must be rejected");
        }
        catch (XmlParseException e)
        {
            Assert.Equal((ParseErrorCode.UnexpectedEndOfInput, 9L, "/r/a"), (e.Code, e.ByteOffset, e.ElementPath));
        }
    }
}
