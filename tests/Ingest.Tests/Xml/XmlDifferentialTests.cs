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
            var ours = Accepts(() => XmlEventStream.FromOurs(doc), out var code);
            // Known leniency of XmlReader: it takes a version like "1.0/" in the declaration; XML 1.0 says '1.' [0-9]+.
            var knownLeniency = theirs && code == Ingest.Xml.ParseErrorCode.InvalidXmlDeclaration;
            Assert.True(theirs == ours || knownLeniency, $"XmlReader accepts={theirs}, ours={ours}: {System.Text.Encoding.UTF8.GetString(doc)}");
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

    private static bool Accepts(Action action) => Accepts(action, out _);

    private static bool Accepts(Action action, out Ingest.Xml.ParseErrorCode code)
    {
        code = Ingest.Xml.ParseErrorCode.None;
        try
        {
            action();
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
        catch (Ingest.Xml.XmlParseException e)
        {
            code = e.Code;
            return false;
        }
    }
}
