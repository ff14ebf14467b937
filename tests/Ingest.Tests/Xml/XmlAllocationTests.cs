using System.Buffers;
using Ingest.Core.Units;
using Ingest.Sed;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

/// <summary>Allocation regression: the tokenizer allocates nothing once warm; a SED costs only its record and strings.</summary>
public sealed class XmlAllocationTests
{
    private static readonly byte[] s_doc = File.ReadAllBytes(Path.Combine(SamplePaths.Samples, "valid", "A009-4.4-sbdh.xml"));

    private static int Tokenize(XmlReaderBuffers buffers)
    {
        var n = 0;
        var reader = new XmlTokenReader(new ReadOnlySequence<byte>(s_doc), true, new XmlReaderState(XmlReaderOptions.Default, buffers));
        while (reader.Read())
        {
            n++;
        }
        return n;
    }

    [Fact]
    public void Tokenizing_a_document_allocates_nothing_once_buffers_are_warm()
    {
        var buffers = new XmlReaderBuffers();
        Tokenize(buffers);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = Tokenize(buffers);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(tokens > 100);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Parsing_a_sed_allocates_only_the_record_and_its_strings()
    {
        var parser = new SedParser();
        using var unit = new InputUnit(new UnitId("a.xml", null, 0), s_doc);
        parser.Parse(unit);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var record = parser.Parse(unit).Sed!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // ~40 objects of the record graph and ~35 long strings (short codes are interned): a few KB, a fraction of the 6 KB input.
        Assert.Equal("Kowalski-Nowak", record.Person.FamilyName);
        Assert.InRange(allocated, 1, 8 * 1024);
    }
}
