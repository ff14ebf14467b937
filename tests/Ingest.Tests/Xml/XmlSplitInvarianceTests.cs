using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ingest.Tests.Xml;

public sealed class XmlSplitInvarianceTests
{
    [Property(MaxTest = 300)]
    public Property Any_segmentation_gives_the_same_tokens_positions_and_error() =>
        Prop.ForAll(XmlGenerators.WithCuts(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated)).ToArbitrary(), input =>
        {
            var whole = XmlTokenDump.Dump(new ReadOnlySequence<byte>(input.Doc));
            var split = XmlTokenDump.Dump(TestSegment.Split(input.Doc, input.Cuts));
            Assert.Equal(whole, split);
        });

    [Property(MaxTest = 100)]
    public Property One_byte_per_segment_gives_the_same_result() =>
        Prop.ForAll(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated).ToArbitrary(), doc =>
        {
            var whole = XmlTokenDump.Dump(new ReadOnlySequence<byte>(doc));
            Assert.Equal(whole, XmlTokenDump.Dump(TestSegment.OneBytePerSegment(doc)));
        });

    [Property(MaxTest = 300)]
    public Property Resuming_after_need_more_data_gives_the_same_result() =>
        Prop.ForAll(XmlGenerators.WithCuts(Gen.OneOf(XmlGenerators.WellFormed, XmlGenerators.Mutated)).ToArbitrary(), input =>
        {
            var whole = XmlTokenDump.Dump(new ReadOnlySequence<byte>(input.Doc));
            Assert.Equal(whole, XmlTokenDump.DumpIncremental(input.Doc, input.Cuts));
        });

    [Fact]
    public void One_byte_at_a_time_resumption_matches_on_a_sample()
    {
        var doc = "<?xml version=\"1.0\"?>\r\n<a xmlns=\"urn:x\" b='1&amp;2'><c>t&#x20AC;<![CDATA[z]]></c><!-- c --></a>\n"u8.ToArray();
        var whole = XmlTokenDump.Dump(new ReadOnlySequence<byte>(doc));
        Assert.Equal(whole, XmlTokenDump.DumpIncremental(doc, Enumerable.Range(1, doc.Length).ToArray()));
        Assert.Equal($"end consumed={doc.Length}", whole[^1]);
    }
}
