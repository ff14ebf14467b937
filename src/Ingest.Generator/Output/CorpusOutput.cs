using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
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
        using (var a1Stream = Create(Path.Combine(dir, "reference", ReferenceJsonl.A1FileName)))
        using (var declStream = Create(Path.Combine(dir, "reference", ReferenceJsonl.DeclarationsFileName)))
        using (var truthStream = Create(Path.Combine(dir, TruthJsonl.FileName)))
        using (var truthWriter = new Utf8JsonWriter(truthStream, new JsonWriterOptions { SkipValidation = true }))
        using (var zips = new DailyZipSink(Path.Combine(dir, "zip")))
        using (var frames = new DailyFramesSink(Path.Combine(dir, "frames")))
        {
            // Generation and writing (deflate dominates) overlap on two threads; one consumer keeps the order.
            var channel = Channel.CreateBounded<GeneratedDossier>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() =>
            {
                try
                {
                    foreach (var d in generator.GenerateDossiers())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        while (!channel.Writer.TryWrite(d))
                        {
                            channel.Writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                        }
                    }
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            }, cancellationToken);
            foreach (var dossier in channel.Reader.ReadAllAsync(cancellationToken).ToBlockingEnumerable(cancellationToken))
            {
                foreach (var a1 in dossier.A1s)
                {
                    ReferenceJsonl.Write(a1Stream, a1);
                }
                foreach (var decl in dossier.Declarations)
                {
                    ReferenceJsonl.Write(declStream, decl);
                }
                foreach (var sed in dossier.Seds)
                {
                    if ((layout & OutputLayout.Zip) != 0)
                    {
                        zips.Add(sed.Day, sed.EntryName, sed.Bytes);
                    }
                    if ((layout & OutputLayout.Files) != 0)
                    {
                        var folder = Path.Combine(dir, "files", sed.Day);
                        if (days.Add(sed.Day))
                        {
                            Directory.CreateDirectory(folder);
                        }
                        File.WriteAllBytes(Path.Combine(folder, sed.EntryName), sed.Bytes);
                    }
                    var truth = sed.Truth;
                    if ((layout & OutputLayout.Frames) != 0)
                    {
                        truth = truth with { Frame = "frames/" + sed.Day + ".seds#" + frames.Add(sed.Day, sed.Bytes).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    }
                    days.Add(sed.Day);
                    TruthJsonl.Write(truthWriter, truth);
                    truthWriter.Flush();
                    truthWriter.Reset();
                    truthStream.WriteByte((byte)'\n');
                    Count(summary, sed);
                }
            }
            producer.GetAwaiter().GetResult();
            var background = new BackgroundReference(options);
            foreach (var a1 in background.A1s(Math.Max(0, options.EffectiveA1Count - generator.A1sEmitted)))
            {
                ReferenceJsonl.Write(a1Stream, a1);
            }
            foreach (var decl in background.Declarations(Math.Max(0, options.EffectiveDeclarationCount - generator.DeclarationsEmitted)))
            {
                ReferenceJsonl.Write(declStream, decl);
            }
        }
        summary.A1s = Math.Max(options.EffectiveA1Count, generator.A1sEmitted);
        summary.Declarations = Math.Max(options.EffectiveDeclarationCount, generator.DeclarationsEmitted);
        summary.Days = days.Count;
        summary.Elapsed = clock.Elapsed;
        Manifest.Write(Path.Combine(dir, ManifestFileName), options, layout, summary);
        return summary;
    }

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    public static void Count(CorpusSummary summary, GeneratedSed sed)
    {
        summary.Seds++;
        summary.XmlBytes += sed.Bytes.Length;
        var t = sed.Truth;
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
