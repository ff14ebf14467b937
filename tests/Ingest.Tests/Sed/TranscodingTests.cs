using System.Text;
using System.Text.Json;
using Ingest.Core.Units;
using Ingest.Sed;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Sed;

/// <summary>
/// XML 1.0 processors must read UTF-16, and a document may declare another encoding: such a document
/// is read from its UTF-8 transcoding and gives the record its UTF-8 form gives; errors are placed in
/// the original bytes.
/// </summary>
public sealed class TranscodingTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(SamplePaths.Samples, "valid", "A002-4.4.xml"));

    static TranscodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static ParseOutcome Parse(byte[] bytes)
    {
        using var unit = new InputUnit(new UnitId("doc.xml", null, 0), bytes);
        var outcome = new SedParser().Parse(unit);
        return outcome;
    }

    private static string Json(ParseOutcome outcome) => JsonSerializer.Serialize(outcome.Sed!, SedJsonContext.Default.SedRecord);

    private static byte[] Encode(string text, Encoding encoding, bool bom) =>
        [.. (bom ? encoding.GetPreamble() : []), .. encoding.GetBytes(text)];

    public static TheoryData<string, bool> Utf16Forms => new() { { "utf-16", true }, { "utf-16BE", true }, { "utf-16", false }, { "utf-16BE", false } };

    [Theory]
    [MemberData(nameof(Utf16Forms))]
    public void A_UTF16_document_gives_the_record_of_its_UTF8_form(string encodingName, bool bom)
    {
        var expected = Json(Parse(Encoding.UTF8.GetBytes(Sample)));
        var utf16 = Encode(Sample.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", StringComparison.Ordinal), Encoding.GetEncoding(encodingName), bom);

        var outcome = Parse(utf16);

        Assert.Equal(ParseOutcomeKind.Sed, outcome.Kind);
        Assert.Equal(expected, Json(outcome));
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("ISO-8859-15")]
    public void A_document_in_the_one_byte_encoding_it_declares_keeps_its_accents(string name)
    {
        var text = Sample.Replace("encoding=\"UTF-8\"", $"encoding=\"{name}\"", StringComparison.Ordinal).Replace("Silva", "Sílvá Éçà", StringComparison.Ordinal);
        var outcome = Parse(Encoding.GetEncoding(name).GetBytes(text));

        Assert.Equal(ParseOutcomeKind.Sed, outcome.Kind);
        Assert.Equal("Sílvá Éçà", outcome.Sed!.Person.FamilyName);
    }

    [Fact]
    public void An_ASCII_declaration_on_ASCII_bytes_is_read()
    {
        var outcome = Parse(Encoding.ASCII.GetBytes(Sample.Replace("encoding=\"UTF-8\"", "encoding=\"US-ASCII\"", StringComparison.Ordinal)));
        Assert.Equal("Silva", outcome.Sed!.Person.FamilyName);
    }

    [Fact]
    public void An_error_in_a_UTF16_document_is_placed_in_its_own_bytes()
    {
        // <a><b></a>: the mismatched end tag starts at character 6, byte 2 + 2 * 6 in UTF-16 with its mark.
        var outcome = Parse(Encode("<a><b></a>", Encoding.Unicode, bom: true));
        var error = outcome.Error!;
        Assert.Equal(("MismatchedEndTag", 14L, 1, 7, "/a/b"), (error.ErrorCode, error.ByteOffset, error.Line, error.Column, error.ElementPath));
        Assert.Contains("read as utf-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_not_valid_in_their_encoding_are_refused_where_they_are()
    {
        // An unpaired high surrogate (D800) after "<a>\n<": character 5, bytes 12-13 after the mark.
        byte[] bytes = [.. Encode("<a>\n<", Encoding.Unicode, bom: true), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("b/></a>")];
        var error = Parse(bytes).Error!;
        Assert.Equal(("UnsupportedEncoding", 12L, 2, 2), (error.ErrorCode, error.ByteOffset, error.Line, error.Column));
        Assert.Contains("not valid utf-16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"X-NO-SUCH\"?><a/>", "encoding \"X-NO-SUCH\"")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", "encoding \"UTF-16\"")]
    public void An_unknown_or_contradicted_encoding_stays_refused(string xml, string detail)
    {
        var error = Parse(Encoding.ASCII.GetBytes(xml)).Error!;
        Assert.Equal("UnsupportedEncoding", error.ErrorCode);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Big-endian UTF-16's bad units are placed in its own byte order too.</summary>
    [Fact]
    public void Bytes_not_valid_in_big_endian_UTF16_are_refused_where_they_are()
    {
        // A lone low surrogate (DC00) after "<a>": character 3, bytes 8-9 after the mark.
        byte[] bytes = [.. Encode("<a>", Encoding.BigEndianUnicode, bom: true), 0xDC, 0x00, .. Encoding.BigEndianUnicode.GetBytes("</a>")];
        var error = Parse(bytes).Error!;
        Assert.Equal(("UnsupportedEncoding", 8L, 1, 4), (error.ErrorCode, error.ByteOffset, error.Line, error.Column));
    }

    /// <summary>A second byte order mark is a character before the root (the first is the mark), in either byte order.</summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_UTF16_document_with_two_byte_order_marks_is_malformed(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var outcome = Parse(Encode("\uFEFF<a/>", encoding, bom: true));
        Assert.Equal(ParseOutcomeKind.Malformed, outcome.Kind);
        Assert.Equal(2L, outcome.Error!.ByteOffset);
        Assert.Equal(ParseOutcomeKind.NotSed, Parse(Encode("<a/>", encoding, bom: true)).Kind);
    }

    /// <summary>XML 1.0 §4.3.3: a declaration naming an encoding the document is not in is a fatal error.</summary>
    [Theory]
    [InlineData("utf-16", "ISO-8859-1", false)]
    [InlineData("utf-16", "UTF-16BE", false)]
    [InlineData("utf-16BE", "UTF-16LE", false)]
    [InlineData("utf-16", "UTF-16", true)]
    [InlineData("utf-16", "utf-16le", true)]
    [InlineData("utf-16BE", "UTF-16BE", true)]
    public void A_UTF16_document_must_not_declare_another_encoding(string encodingName, string declared, bool accepted)
    {
        var outcome = Parse(Encode($"<?xml version=\"1.0\" encoding=\"{declared}\"?><a/>", Encoding.GetEncoding(encodingName), bom: true));
        if (accepted)
        {
            Assert.Equal(ParseOutcomeKind.NotSed, outcome.Kind);
            return;
        }
        Assert.Equal(("UnsupportedEncoding", 2L + 2 * 20, 21), (outcome.Error!.ErrorCode, outcome.Error.ByteOffset, outcome.Error.Column));
        Assert.Contains($"encoding=\"{declared}\"", outcome.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>A contradiction placed where the name is, on its own line; UCS-2 is a name of UTF-16.</summary>
    [Fact]
    public void A_contradicting_declaration_over_two_lines_is_placed_on_its_line()
    {
        var error = Parse(Encode("<?xml version=\"1.0\"\n  encoding=\"ISO-8859-1\"?><a/>", Encoding.Unicode, bom: true)).Error!;
        Assert.Equal(("UnsupportedEncoding", 2L + 2 * 22, 2, 3), (error.ErrorCode, error.ByteOffset, error.Line, error.Column));
        Assert.Equal(ParseOutcomeKind.NotSed, Parse(Encode("<?xml version=\"1.0\" encoding=\"ISO-10646-UCS-2\"?><a/>", Encoding.Unicode, bom: true)).Kind);
    }

    [Fact]
    public void UTF32_stays_refused()
    {
        var error = Parse(Encode("<a/>", new UTF32Encoding(bigEndian: false, byteOrderMark: true), bom: true)).Error!;
        Assert.Equal("UnsupportedEncoding", error.ErrorCode);
    }
}
