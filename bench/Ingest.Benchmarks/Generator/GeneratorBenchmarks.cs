using System.Buffers;
using BenchmarkDotNet.Attributes;
using Ingest.Core.Seds;
using Ingest.Generator;
using Ingest.Generator.Output;

namespace Ingest.Benchmarks.Generator;

/// <summary>
/// Generation rate: rendering alone (SedXmlWriter over a reused buffer) and the whole in-memory
/// pipeline (plan, inject, noise, truth, render). Ops are SEDs, so "Mean" reads as time per SED.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Seds = 2000;
    private SedRecord[] _records = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        _records = new CorpusGenerator(new GeneratorOptions { Seds = Seds, Seed = 7, Noise = NoiseLevel.Default }).Generate().Select(s => s.Record).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Seds)]
    public long Render()
    {
        long bytes = 0;
        foreach (var r in _records)
        {
            _buffer.ResetWrittenCount();
            SedXmlWriter.Write(r, _buffer);
            bytes += _buffer.WrittenCount;
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Seds)]
    public long Generate()
    {
        long bytes = 0;
        foreach (var s in new CorpusGenerator(new GeneratorOptions { Seds = Seds, Seed = 7, Noise = NoiseLevel.Default }).Generate())
        {
            bytes += s.Bytes.Length;
        }
        return bytes;
    }
}
