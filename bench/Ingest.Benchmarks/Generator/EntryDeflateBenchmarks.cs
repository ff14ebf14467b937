using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Ingest.Generator;
using Ingest.Generator.Output;

namespace Ingest.Benchmarks.Generator;

/// <summary>
/// Zip entry compression per SED: a DeflateStream per entry (what ZipArchive does: zlib state created
/// and cleared each time) against the generator's reused fixed-Huffman encoder writing into a reused
/// buffer, as the corpus writer does. Ops are SEDs.
/// </summary>
[MemoryDiagnoser]
public class EntryDeflateBenchmarks
{
    private const int Seds = 2000;
    private byte[][] _xml = [];
    private readonly MemoryStream _buffer = new(1 << 16);
    private readonly FixedHuffmanDeflater _fixed = new();
    private readonly byte[] _output = new byte[1 << 17];

    [GlobalSetup]
    public void Setup() =>
        _xml = new CorpusGenerator(new GeneratorOptions { Seds = Seds, Seed = 7, Noise = NoiseLevel.Default }).Generate().Select(s => s.Bytes).ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = Seds)]
    public long DeflateStreamPerEntry()
    {
        long bytes = 0;
        foreach (var x in _xml)
        {
            _buffer.SetLength(0);
            using (var deflate = new DeflateStream(_buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(x);
            }
            bytes += _buffer.Length;
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Seds)]
    public long FixedHuffman()
    {
        long bytes = 0;
        foreach (var x in _xml)
        {
            bytes += _fixed.Deflate(x, _output);
        }
        return bytes;
    }
}
