using System.Buffers;
using System.Text;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Tests.Xml;

/// <summary>Where a rejection is reported: the element named, the byte order mark not counted, and the same for any split of the bytes.</summary>
public sealed class ErrorPositionTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static string Last(List<string> dump) => dump[^1];

    [Theory]
    [InlineData("<a>\n<b x=\"1\" x=\"2\"/></a>", "error DuplicateAttribute at 13 line 2 col 10 path /a/b")]
    [InlineData("<a x=\"1\" x=\"2\"/>", "error DuplicateAttribute at 9 line 1 col 10 path /a")]
    [InlineData("<r><p:b/></r>", "error UndeclaredPrefix at 4 line 1 col 5 path /r/p:b")]
    [InlineData("<r><b x=\"<\"/></r>", "error LessThanInAttributeValue at 9 line 1 col 10 path /r/b")]
    [InlineData("<r><b>text</c></r>", "error MismatchedEndTag at 10 line 1 col 11 path /r/b")]
    public void An_error_in_a_start_tag_names_that_element_for_any_split(string xml, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(expected, Last(XmlTokenDump.Dump(new ReadOnlySequence<byte>(bytes))));
        Assert.Equal(expected, Last(XmlTokenDump.Dump(TestSegment.OneBytePerSegment(bytes))));
        Assert.Equal(expected, Last(XmlTokenDump.DumpIncremental(bytes, Enumerable.Range(1, bytes.Length).ToList())));
    }

    [Fact]
    public void The_byte_order_mark_is_not_a_column()
    {
        var bytes = Bom.Concat("<a x=\"1\" x=\"2\"/>"u8.ToArray()).ToArray();
        const string expected = "error DuplicateAttribute at 12 line 1 col 10 path /a";
        Assert.Equal(expected, Last(XmlTokenDump.Dump(new ReadOnlySequence<byte>(bytes))));
        Assert.Equal(expected, Last(XmlTokenDump.Dump(TestSegment.OneBytePerSegment(bytes))));
        Assert.Equal(expected, Last(XmlTokenDump.DumpIncremental(bytes, Enumerable.Range(1, bytes.Length).ToList())));
    }

    [Fact]
    public void The_sed_parser_reports_the_same_position_as_the_reader()
    {
        using var unit = new InputUnit(new UnitId("doc.xml", null, 0), Bom.Concat("<a>\n<b x=\"1\" x=\"2\"/></a>"u8.ToArray()).ToArray());
        var error = new SedParser().Parse(unit).Error!;
        Assert.Equal(("DuplicateAttribute", 16L, 2, 10, "/a/b"), (error.ErrorCode, error.ByteOffset, error.Line, error.Column, error.ElementPath));
    }

    [Fact]
    public void A_unit_refused_before_any_xml_was_read_is_placed_at_its_start_with_no_element()
    {
        using var unit = new InputUnit(new UnitId("batch.zip", "a.xml", 0), ReadOnlyMemory<byte>.Empty) { FramingError = "zip entry is encrypted" };
        var error = new SedParser().Parse(unit).Error!;
        Assert.Equal(("FramingError", 0L, 1, 1, ""), (error.ErrorCode, error.ByteOffset, error.Line, error.Column, error.ElementPath));
    }
}
