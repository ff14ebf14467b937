using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ingest.Tests.Xml;

/// <summary>On well-formed input without DOCTYPE, our tokens equal what System.Xml.XmlReader reports.</summary>
public sealed class XmlDifferentialTests
{
    [Property(MaxTest = 300)]
    public Property Token_stream_equals_XmlReader_on_random_documents() =>
        Prop.ForAll(XmlGenerators.WellFormed.ToArbitrary(), doc =>
            Assert.Equal(XmlEventStream.FromXmlReader(doc), XmlEventStream.FromOurs(doc)));

    [Property(MaxTest = 200)]
    public Property Accepts_and_rejects_like_XmlReader_on_mutated_documents() =>
        Prop.ForAll(XmlGenerators.Mutated.ToArbitrary(), doc =>
        {
            var theirs = Accepts(() => XmlEventStream.FromXmlReader(doc));
            var ours = Accepts(() => XmlEventStream.FromOurs(doc));
            Assert.True(theirs == ours, $"XmlReader accepts={theirs}, ours={ours}: {System.Text.Encoding.UTF8.GetString(doc)}");
        });

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in SamplePaths.ValidXml())
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Token_stream_equals_XmlReader_on_samples(string path)
    {
        var doc = File.ReadAllBytes(path);
        Assert.Equal(XmlEventStream.FromXmlReader(doc), XmlEventStream.FromOurs(doc));
    }

    private static bool Accepts(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is System.Xml.XmlException or Ingest.Xml.XmlParseException)
        {
            return false;
        }
    }
}
