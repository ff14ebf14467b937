using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ingest.Core.Reference;
using Ingest.Generator;
using Ingest.Generator.Output;
using Ingest.Generator.Truth;

namespace Ingest.Benchmarks.Generator;

/// <summary>
/// The truth and reference JSON lines of a dossier stream: the System.Text.Json source-generated
/// contracts (what ReferenceJsonl and TruthJsonl write, one reused writer) against the hand-written
/// RecordLines that produce the same bytes. Ops are lines.
/// </summary>
[MemoryDiagnoser]
public class OutputLinesBenchmarks
{
    private const int Seds = 3000;
    /// <summary>What one invocation writes: as many truth lines as reference lines, roughly the corpus mix.</summary>
    private const int TruthLines = 1000, A1Lines = 500, DeclarationLines = 500, Lines = TruthLines + A1Lines + DeclarationLines;
    private TruthRecord[] _truth = [];
    private A1Certificate[] _a1s = [];
    private PostingDeclaration[] _declarations = [];
    private readonly MemoryStream _stream = new(1 << 20);
    private Utf8JsonWriter? _writer;
    private readonly BlockBuffer _buffer = new(1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        var dossiers = new CorpusGenerator(new GeneratorOptions { Seds = Seds, Seed = 7 }).GenerateDossiers().ToList();
        _truth = dossiers.SelectMany(d => d.Seds).Select(s => s.Truth).Take(TruthLines).ToArray();
        _a1s = dossiers.SelectMany(d => d.A1s).Take(A1Lines).ToArray();
        _declarations = dossiers.SelectMany(d => d.Declarations).Take(DeclarationLines).ToArray();
        if (_truth.Length + _a1s.Length + _declarations.Length != Lines)
        {
            throw new InvalidOperationException("the sample corpus is too small for the benchmark");
        }
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Release();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public long Serializer()
    {
        _stream.SetLength(0);
        var w = _writer!;
        foreach (var t in _truth)
        {
            w.Reset(_stream);
            TruthJsonl.Write(w, t);
            w.Flush();
            _stream.WriteByte((byte)'\n');
        }
        foreach (var a in _a1s)
        {
            w.Reset(_stream);
            JsonSerializer.Serialize(w, a, ReferenceJsonContext.Default.A1Certificate);
            w.Flush();
            _stream.WriteByte((byte)'\n');
        }
        foreach (var d in _declarations)
        {
            w.Reset(_stream);
            JsonSerializer.Serialize(w, d, ReferenceJsonContext.Default.PostingDeclaration);
            w.Flush();
            _stream.WriteByte((byte)'\n');
        }
        return _stream.Length;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long HandWritten()
    {
        _buffer.Reset();
        foreach (var t in _truth)
        {
            RecordLines.Write(_buffer, t);
        }
        foreach (var a in _a1s)
        {
            RecordLines.Write(_buffer, a);
        }
        foreach (var d in _declarations)
        {
            RecordLines.Write(_buffer, d);
        }
        return _buffer.WrittenCount;
    }
}
