using System.Diagnostics;
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
            var produced = 0;
            var blocks = OrderedParallel.Map(
                block =>
                {
                    var g = new CorpusGenerator(options);
                    var p = new DossierPacker(layout);
                    var packed = new PackedDossier[DossiersPerBlock];
                    for (var i = 0; i < packed.Length; i++)
                    {
                        var index = block * DossiersPerBlock + i;
                        packed[i] = p.Pack(index, g.BuildSpeculative(index));
                    }
                    return packed;
                },
                workers, BlocksInFlight * workers, cancellationToken);
            foreach (var block in blocks)
            {
                foreach (var speculative in block)
                {
                    if (produced >= options.Seds)
                    {
                        break;
                    }
                    var remaining = options.Seds - produced;
                    var dossier = generator.TryAdopt(speculative.Budget, speculative.Seds.Length, remaining)
                        ? speculative
                        : packer.Pack(speculative.Index, generator.BuildExact(speculative.Index, remaining));
                    a1Stream.Write(dossier.A1Lines);
                    declStream.Write(dossier.DeclarationLines);
                    foreach (var sed in dossier.Seds)
                    {
                        if (sed.Entry is { } entry)
                        {
                            zips.Add(sed.Day, sed.EntryName, entry);
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
                            WriteWithFrame(truthStream, sed.TruthLine, "frames/" + sed.Day + ".seds#" + frames.Add(sed.Day, sed.Xml).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            truthStream.Write(sed.TruthLine);
                        }
                        days.Add(sed.Day);
                        Count(summary, sed.Truth, sed.XmlLength);
                    }
                    produced += dossier.Seds.Length;
                }
                if (produced >= options.Seds)
                {
                    break;
                }
            }
            var background = new BackgroundReference(options);
            WriteBackground(a1Stream, Math.Max(0, options.EffectiveA1Count - generator.A1sEmitted), workers,
                (p, first, count) => p.Reference.A1s(background.A1s(first, count)), cancellationToken);
            WriteBackground(declStream, Math.Max(0, options.EffectiveDeclarationCount - generator.DeclarationsEmitted), workers,
                (p, first, count) => p.Reference.Declarations(background.Declarations(first, count)), cancellationToken);
        }
        summary.A1s = Math.Max(options.EffectiveA1Count, generator.A1sEmitted);
        summary.Declarations = Math.Max(options.EffectiveDeclarationCount, generator.DeclarationsEmitted);
        summary.Days = days.Count;
        summary.Elapsed = clock.Elapsed;
        Manifest.Write(Path.Combine(dir, ManifestFileName), options, layout, summary);
        return summary;
    }

    private const int DossiersPerBlock = 16;
    private const int BlocksInFlight = 3;
    private const int BackgroundPerBlock = 512;
    private static readonly byte[] s_frameKey = "\"frame\":\""u8.ToArray();

    /// <summary>Background reference records, serialised in parallel blocks and appended in index order.</summary>
    private static void WriteBackground(Stream stream, int total, int workers, Func<DossierPacker, int, int, byte[]> lines, CancellationToken cancellationToken)
    {
        if (total == 0)
        {
            return;
        }
        var blocks = (total + BackgroundPerBlock - 1) / BackgroundPerBlock;
        var written = 0;
        foreach (var bytes in OrderedParallel.Map(
            block =>
            {
                var first = (int)Math.Min(block * BackgroundPerBlock, total);
                return lines(new DossierPacker(OutputLayout.None), first, Math.Min(BackgroundPerBlock, total - first));
            },
            workers, BlocksInFlight * workers, cancellationToken))
        {
            stream.Write(bytes);
            if (++written == blocks)
            {
                break;
            }
        }
    }

    /// <summary>Inserts <c>"frame":"…"</c> before <c>"day"</c>, where the serializer puts it (TruthRecord member order).</summary>
    private static void WriteWithFrame(Stream stream, byte[] line, string frame)
    {
        var at = line.AsSpan().IndexOf(",\"day\":"u8) + 1;
        stream.Write(line, 0, at);
        stream.Write(s_frameKey);
        Span<byte> value = stackalloc byte[frame.Length];
        System.Text.Encoding.ASCII.GetBytes(frame, value);
        stream.Write(value);
        stream.Write("\","u8);
        stream.Write(line, at, line.Length - at);
    }

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    public static void Count(CorpusSummary summary, GeneratedSed sed) => Count(summary, sed.Truth, sed.Bytes.Length);

    private static void Count(CorpusSummary summary, TruthRecord t, int xmlLength)
    {
        summary.Seds++;
        summary.XmlBytes += xmlLength;
        summary.Malformed += t.Malformed ? 1 : 0;
        summary.Duplicates += t.DuplicateDelivery ? 1 : 0;
        summary.ByType[t.SedType] = summary.ByType.GetValueOrDefault(t.SedType) + 1;
        summary.ByCdm[t.CdmVersion] = summary.ByCdm.GetValueOrDefault(t.CdmVersion) + 1;
        foreach (var r in t.Rules)
        {
            summary.RulePositives[r] = summary.RulePositives.GetValueOrDefault(r) + 1;
        }
        foreach (var r in t.NearMisses)
        {
            summary.RuleNearMisses[r] = summary.RuleNearMisses.GetValueOrDefault(r) + 1;
        }
    }
}
