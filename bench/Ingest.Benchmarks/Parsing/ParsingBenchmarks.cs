using System.Buffers;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sed;
using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// One operation = one pass over the whole corpus. Our SED parser and tokenizer against XmlReader and
/// XDocument in the same run (XmlReader is the baseline), with MB/s, SEDs/s and bytes allocated per SED.
/// Run: dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*ParsingBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ParsingBenchmarks
{
    private byte[][] _documents = [];
    // Per document: inside the fast reader's subset (every generated SED is; some hand-written samples
    // use comments, CDATA or character references, which only the general reader takes).
    private bool[] _inFastSubset = [];
    private InputUnit[] _units = [];
    private readonly SedParser _parser = new();
    private readonly SedParser _generalParser = new(new SedParserOptions { FastPath = false });
    private readonly XmlFastScratch _fastScratch = new();
    private readonly XmlReaderBuffers _buffers = new();
    private static readonly XmlReaderOptions s_skipIndentation = new() { IgnoreIndentation = true };
    private static readonly XmlReaderSettings s_settings = new() { DtdProcessing = DtdProcessing.Prohibit };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.SedsPerSecond, ThroughputColumn.BytesAllocatedPerSed);
            Orderer = new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.FastestToSlowest);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _documents = ParsingCorpus.Load();
        _units = ParsingCorpus.LoadUnits(_parser);
        _inFastSubset = new bool[_documents.Length];
        for (var i = 0; i < _documents.Length; i++)
        {
            var handler = new CountingHandler();
            _inFastSubset[i] = new XmlFastReader(_documents[i], s_skipIndentation, _fastScratch).TryReadToEnd(ref handler);
        }
        var outside = _inFastSubset.Count(x => !x);
        if (outside > 0)
        {
            Console.WriteLine($"// {outside} of {_documents.Length} corpus documents are outside the fast reader's subset: its benchmark reads them with the general reader, as the SED parser does");
        }
    }

    [Benchmark(Description = "Ingest SedParser (records)")]
    public int SedParser()
    {
        var n = 0;
        foreach (var unit in _units)
        {
            n += _parser.Parse(unit).Sed!.Person.Pins.Count;
        }
        return n;
    }

    /// <summary>The same, each document parsed into the record of the one before (what `ingest parse` does): only kept strings are allocated.</summary>
    [Benchmark(Description = "Ingest SedParser (record reused)")]
    public int SedParserReusingRecord() => ParseReusingRecord(_parser);

    /// <summary>The SED parser with the fast reader off: every document through the general reader (what it was before).</summary>
    [Benchmark(Description = "Ingest SedParser, general reader (record reused)")]
    public int GeneralSedParserReusingRecord() => ParseReusingRecord(_generalParser);

    private int ParseReusingRecord(SedParser parser)
    {
        var n = 0;
        SedRecord? record = null;
        foreach (var unit in _units)
        {
            record = parser.Parse(unit, record).Sed!;
            n += record.Person.Pins.Count;
        }
        return n;
    }

    /// <summary>
    /// The fast reader alone, pushing to a handler that does nothing; a document outside its subset is
    /// read by the general reader's push loop instead (without the fast reader's failed attempt, which
    /// the SED parser pays), so the pass covers the same bytes as the other benchmarks.
    /// </summary>
    [Benchmark(Description = "Ingest fast reader, push")]
    public int FastReaderPush()
    {
        var n = 0;
        var documents = _documents;
        for (var i = 0; i < documents.Length; i++)
        {
            var handler = new CountingHandler();
            if (_inFastSubset[i])
            {
                new XmlFastReader(documents[i], s_skipIndentation, _fastScratch).TryReadToEnd(ref handler);
            }
            else
            {
                var reader = new XmlTokenReader(new ReadOnlySequence<byte>(documents[i]), true, new XmlReaderState(s_skipIndentation, _buffers));
                reader.ReadToEnd(ref handler);
            }
            n += handler.Count;
        }
        return n;
    }

    [Benchmark(Description = "Ingest tokenizer only")]
    public int Tokenizer() => Tokenize(XmlReaderOptions.Default);

    /// <summary>The SED parser's own driver: the reader pushes to a handler that does nothing.</summary>
    [Benchmark(Description = "Ingest tokenizer, push (ReadToEnd)")]
    public int TokenizerPush()
    {
        var n = 0;
        foreach (var doc in _documents)
        {
            var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), true, new XmlReaderState(s_skipIndentation, _buffers));
            var handler = new CountingHandler();
            reader.ReadToEnd(ref handler);
            n += handler.Count;
        }
        return n;
    }

    [Benchmark(Description = "Ingest tokenizer, indentation skipped")]
    public int TokenizerIgnoringIndentation() => Tokenize(s_skipIndentation);

    [Benchmark(Baseline = true, Description = "XmlReader (nodes + values)")]
    public int XmlReaderNodes()
    {
        var n = 0;
        foreach (var doc in _documents)
        {
            using var stream = new MemoryStream(doc, writable: false);
            using var reader = XmlReader.Create(stream, s_settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Text)
                {
                    n += reader.Value.Length;
                }
            }
        }
        return n;
    }

    [Benchmark(Description = "XDocument.Load")]
    public int XDocumentLoad()
    {
        var n = 0;
        foreach (var doc in _documents)
        {
            using var stream = new MemoryStream(doc, writable: false);
            n += XDocument.Load(stream).Root!.Name.LocalName.Length;
        }
        return n;
    }

    private int Tokenize(XmlReaderOptions options)
    {
        var n = 0;
        foreach (var doc in _documents)
        {
            var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), true, new XmlReaderState(options, _buffers));
            while (reader.Read())
            {
                n += reader.Value.Length;
            }
        }
        return n;
    }
}
