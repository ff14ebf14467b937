using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ingest.Tests.Xml;

/// <summary>ReadToEnd (the push loop the SED parser runs on) reports exactly what Read reports, however the bytes arrive.</summary>
public sealed class XmlPushReaderTests
{
    [Property(MaxTest = 300)]
    public Property Push_gives_the_pull_readers_tokens_positions_and_error_for_any_segmentation() =>
        Prop.ForAll(XmlGenerators.WithCuts(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated)).ToArbitrary(), input =>
        {
            var expected = XmlPushDump.Reference(new ReadOnlySequence<byte>(input.Doc));
            Assert.Equal(expected, XmlPushDump.Push(new ReadOnlySequence<byte>(input.Doc)));
            Assert.Equal(expected, XmlPushDump.Push(TestSegment.Split(input.Doc, input.Cuts)));
        });

    [Property(MaxTest = 300)]
    public Property Push_resumes_after_need_more_data_with_the_same_result() =>
        Prop.ForAll(XmlGenerators.WithCuts(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated)).ToArbitrary(), input =>
            Assert.Equal(
                XmlPushDump.Reference(new ReadOnlySequence<byte>(input.Doc)),
                XmlPushDump.PushIncremental(input.Doc, input.Cuts)));

    [Property(MaxTest = 300)]
    public Property A_refused_element_reports_only_its_end_tag_and_is_still_checked() =>
        Prop.ForAll(XmlGenerators.WithCuts(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated)).ToArbitrary(), input =>
        {
            var expected = XmlPushDump.Reference(new ReadOnlySequence<byte>(input.Doc), skipOddNames: true);
            Assert.Equal(expected, XmlPushDump.Push(TestSegment.Split(input.Doc, input.Cuts), skipOddNames: true));
            Assert.Equal(expected, XmlPushDump.PushIncremental(input.Doc, input.Cuts, skipOddNames: true));
        });

    [Fact]
    public void A_skip_in_progress_survives_a_buffer_boundary_one_byte_at_a_time()
    {
        var doc = "<ro><abc><x>1</x><y a='2'/><!-- c --></abc><de>t</de></ro>"u8.ToArray();
        var pushed = XmlPushDump.PushIncremental(doc, Enumerable.Range(1, doc.Length).ToArray(), skipOddNames: true);
        Assert.Equal(XmlPushDump.Reference(new ReadOnlySequence<byte>(doc), skipOddNames: true), pushed);
        Assert.Equal(
            ["StartElement @0 d0 {}ro", "StartElement @4 d1 {}abc", "EndElement @37 d1 {}abc", "StartElement @43 d1 {}de", "Text @47 d2  [t]", "EndElement @48 d1 {}de", "EndElement @53 d0 {}ro", $"end consumed={doc.Length}"],
            pushed);
    }

    [Fact]
    public void Text_proven_ascii_by_the_fast_scan_says_so_and_other_text_does_not()
    {
        var seen = new List<(string Text, bool Ascii)>();
        var reader = new Ingest.Xml.XmlTokenReader(new ReadOnlySequence<byte>("<a>plain<b>é</b>x&amp;y<![CDATA[c]]></a>"u8.ToArray()), true, new Ingest.Xml.XmlReaderState());
        while (reader.Read())
        {
            if (reader.TokenType is Ingest.Xml.XmlTokenType.Text or Ingest.Xml.XmlTokenType.CData)
            {
                seen.Add((Encoding.UTF8.GetString(reader.Value), reader.ValueIsAscii));
            }
            else
            {
                Assert.False(reader.ValueIsAscii);
            }
        }
        Assert.Equal([("plain", true), ("é", false), ("x&y", false), ("c", false)], seen);
    }
}
