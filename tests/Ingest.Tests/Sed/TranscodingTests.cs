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

    [Fact]
    public void UTF32_stays_refused()
    {
        var error = Parse(Encode("<a/>", new UTF32Encoding(bigEndian: false, byteOrderMark: true), bom: true)).Error!;
        Assert.Equal("UnsupportedEncoding", error.ErrorCode);
    }
}
