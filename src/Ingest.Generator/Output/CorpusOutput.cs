using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ingest.Core.Reference;
using Ingest.Generator.Reference;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>Writes a whole corpus folder: reference data, SEDs in the chosen layouts, truth.jsonl and manifest.json.</summary>
public static class CorpusOutput
{
    public const string ManifestFileName = "manifest.json";

    public static CorpusSummary Write(GeneratorOptions options, string dir, OutputLayout layout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(dir, "reference"));
        var summary = new CorpusSummary();
        var days = new HashSet<string>(StringComparer.Ordinal);
        var generator = new CorpusGenerator(options);
        var workers = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        using (var a1Stream = Create(Path.Combine(dir, "reference", ReferenceJsonl.A1FileName)))
        using (var declStream = Create(Path.Combine(dir, "reference", ReferenceJsonl.DeclarationsFileName)))
        using (var truthStream = Create(Path.Combine(dir, TruthJsonl.FileName)))
        using (var zips = new DailyZipSink(Path.Combine(dir, "zip")))
        using (var frames = new DailyFramesSink(Path.Combine(dir, "frames")))
        {
            // Workers build, serialise and deflate blocks of dossiers speculatively; this thread adopts them
            // in index order (rebuilding the rare one the reference caps or the SED limit would change) and appends.
            var packer = new DossierPacker(layout);
            var tally = new SummaryTally();
            var produced = 0;
            var blocks = OrderedParallel.Map(
                () => (Generator: new CorpusGenerator(options), Packer: new DossierPacker(layout)),
                (worker, block) => PackBlock(worker.Generator, worker.Packer, block),
                workers, BlocksInFlight * workers, cancellationToken);
            foreach (var block in blocks)
            {
                foreach (var speculative in block.Dossiers)
                {
                    if (produced >= options.Seds)
                    {
                        break;
                    }
                    var remaining = options.Seds - produced;
                    if (generator.TryAdopt(speculative.Budget, speculative.Seds.Length, remaining))
                    {
                        Append(block, speculative);
                        produced += speculative.Seds.Length;
                        continue;
                    }
                    var own = new BlockBuffer();
                    try
                    {
                        var exact = packer.Pack(speculative.Index, generator.BuildExact(speculative.Index, remaining), own);
                        Append(new PackedBlock(own, [exact]), exact);
                        produced += exact.Seds.Length;
                    }
                    finally
                    {
                        own.Release();
                    }
                }
                block.Buffer.Release();
                if (produced >= options.Seds)
                {
                    break;
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            void Append(PackedBlock block, PackedDossier dossier)
            {
                a1Stream.Write(block.Bytes(dossier.A1Lines));
                declStream.Write(block.Bytes(dossier.DeclarationLines));
                foreach (ref readonly var sed in dossier.Seds.AsSpan())
                {
                    if ((layout & OutputLayout.Zip) != 0)
                    {
                        zips.Add(sed.Day, sed.EntryName, block.Entry(sed));
                    }
                    if ((layout & OutputLayout.Files) != 0)
                    {
                        var folder = Path.Combine(dir, "files", sed.Day);
                        if (days.Add(sed.Day))
                        {
                            Directory.CreateDirectory(folder);
                        }
                        File.WriteAllBytes(Path.Combine(folder, sed.EntryName), sed.Xml!);
                    }
                    if ((layout & OutputLayout.Frames) != 0)
                    {
                        WriteWithFrame(truthStream, block.Bytes(sed.TruthLine), sed.Day, frames.Add(sed.Day, sed.Xml));
                    }
                    else
                    {
                        truthStream.Write(block.Bytes(sed.TruthLine));
                    }
                    days.Add(sed.Day);
                    tally.Add(sed.Truth, sed.XmlLength);
                }
            }

            tally.CopyTo(summary);
            var backgroundStart = clock.Elapsed;
            var background = new BackgroundReference(options);
            WriteBackground(a1Stream, Math.Max(0, options.EffectiveA1Count - generator.A1sEmitted), workers,
                (first, count, buffer) => ReferenceLines.A1s(background.A1s(first, count), buffer), cancellationToken);
            WriteBackground(declStream, Math.Max(0, options.EffectiveDeclarationCount - generator.DeclarationsEmitted), workers,
                (first, count, buffer) => ReferenceLines.Declarations(background.Declarations(first, count), buffer), cancellationToken);
            summary.BackgroundElapsed = clock.Elapsed - backgroundStart;
        }
        summary.A1s = Math.Max(options.EffectiveA1Count, generator.A1sEmitted);
        summary.Declarations = Math.Max(options.EffectiveDeclarationCount, generator.DeclarationsEmitted);
        summary.Days = days.Count;
        summary.Elapsed = clock.Elapsed;
        Manifest.Write(Path.Combine(dir, ManifestFileName), options, layout, summary);
        return summary;
    }

    // About 45 SEDs a block: each hand-over wakes threads, so blocks are sized for few hand-overs, not for latency.
    private const int DossiersPerBlock = 32;
    private const int BlocksInFlight = 3;
    private const int BackgroundPerBlock = 512;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PackedBlock PackBlock(CorpusGenerator generator, DossierPacker packer, long block)
    {
        var buffer = new BlockBuffer();
        var packed = new PackedDossier[DossiersPerBlock];
        for (var i = 0; i < packed.Length; i++)
        {
            var index = (block * DossiersPerBlock) + i;
            packed[i] = packer.Pack(index, generator.BuildSpeculative(index), buffer);
        }
        return new PackedBlock(buffer, packed);
    }

    /// <summary>Background reference records, serialised in parallel blocks and appended in index order.</summary>
    private static void WriteBackground(Stream stream, int total, int workers, Func<int, int, BlockBuffer, Range> lines, CancellationToken cancellationToken)
    {
        if (total == 0)
        {
            return;
        }
        var blocks = (total + BackgroundPerBlock - 1) / BackgroundPerBlock;
        var written = 0;
        foreach (var buffer in OrderedParallel.Map(
            block =>
            {
                var first = (int)Math.Min(block * BackgroundPerBlock, total);
                var buffer = new BlockBuffer();
                lines(first, Math.Min(BackgroundPerBlock, total - first), buffer);
                return buffer;
            },
            workers, BlocksInFlight * workers, cancellationToken))
        {
            stream.Write(buffer.Slice(0, buffer.WrittenCount));
            buffer.Release();
            if (++written == blocks)
            {
                break;
            }
        }
    }

    /// <summary>Inserts <c>"frame":"frames/DAY.seds#N"</c> before <c>"day"</c>, where the serializer puts it (TruthRecord member order).</summary>
    private static void WriteWithFrame(Stream stream, ReadOnlySpan<byte> line, string day, int frame)
    {
        var at = line.IndexOf(",\"day\":"u8) + 1;
        stream.Write(line[..at]);
        Span<byte> value = stackalloc byte[64];
        "\"frame\":\"frames/"u8.CopyTo(value);
        var n = "\"frame\":\"frames/".Length;
        n += System.Text.Encoding.ASCII.GetBytes(day, value[n..]);
        ".seds#"u8.CopyTo(value[n..]);
        n += ".seds#".Length;
        System.Buffers.Text.Utf8Formatter.TryFormat(frame, value[n..], out var digits);
        n += digits;
        "\","u8.CopyTo(value[n..]);
        stream.Write(value[..(n + 2)]);
        stream.Write(line[at..]);
    }

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    public static void Count(CorpusSummary summary, GeneratedSed sed)
    {
        var tally = new SummaryTally();
        tally.Add(sed.Truth, sed.Bytes.Length);
        tally.CopyTo(summary);
    }
}
