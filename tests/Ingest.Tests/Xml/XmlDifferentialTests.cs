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
            // Known leniencies of XmlReader: it takes a version like "1.0/" in the declaration (XML 1.0 says
            // '1.' [0-9]+), and its decoder drops a UTF-8 sequence cut short by the end of the input (a mutation
            // that appends a lead byte such as 0xC3 after the root; found failing this property now and then).
            var knownLeniency = theirs && (code == Ingest.Xml.ParseErrorCode.InvalidXmlDeclaration
                || (IncompleteUtf8Tail(doc) is var tail and > 0 && Accepts(() => XmlEventStream.FromOurs(doc[..^tail]))));
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

    /// <summary>Bytes of a UTF-8 sequence the input ends in the middle of; 0 when it ends on a whole character.</summary>
    private static int IncompleteUtf8Tail(byte[] doc)
    {
        for (var back = 1; back <= Math.Min(3, doc.Length); back++)
        {
            var b = doc[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }
        return 0;
    }

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
