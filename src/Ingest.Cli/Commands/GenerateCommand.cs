using System.Globalization;
using Ingest.Cli.Hosting;
using Ingest.Generator;
using Ingest.Generator.Output;

namespace Ingest.Cli.Commands;

internal sealed class GenerateCommand : ICliCommand
{
    public string Name => "generate";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "a1", "days", "declarations", "injection-share", "layout", "noise", "out", "seds", "seed", "start-date", "threads" };

    public string Summary => "generate a synthetic SED corpus with reference data and ground truth";

    public string Help => """
        usage: ingest generate --out DIR --seds N --seed S [options]

        Writes DIR/reference/a1.jsonl, DIR/reference/declarations.jsonl, DIR/truth.jsonl,
        DIR/manifest.json and the SEDs (enveloped XML) in the chosen layouts. Same seed, same bytes.
        See docs/GENERATOR.md.

        options:
          --out DIR              output folder (created; existing files are overwritten)
          --seds N               number of SED units (versions and duplicate deliveries count) [1000]
          --seed S               random seed (unsigned integer) [1]
          --noise LEVEL          none | default | hard [default]
          --a1 N                 A1 certificates in the register [0.85 × seds]
          --declarations N       posting declarations [0.85 × seds]
          --layout L             zip | files | both | frames, or a comma list (zip,frames) [zip]
          --start-date DATE      first day of the year of postings [2025-01-01]
          --days N               length of the period postings start in [365]
          --injection-share X    share of dossiers with an injected rule situation [0.06]
          --threads N            worker threads generating and compressing (output is the same) [cores]

        exit codes: 0 done, 64 bad arguments, 130 cancelled
        """;

    public Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var dir = args.Require("out");
        var options = new GeneratorOptions
        {
            Seds = args.GetInt("seds", 1000),
            Seed = (ulong)args.GetLong("seed", 1),
            Noise = args.Get("noise") switch
            {
                null or "default" => NoiseLevel.Default,
                "none" => NoiseLevel.None,
                "hard" => NoiseLevel.Hard,
                var other => throw new CliUsageException($"--noise expects none, default or hard, got '{other}'"),
            },
            A1Count = args.Has("a1") ? args.GetInt("a1", 0) : null,
            DeclarationCount = args.Has("declarations") ? args.GetInt("declarations", 0) : null,
            Days = Math.Max(1, args.GetInt("days", 365)),
            Parallelism = Math.Max(0, args.GetInt("threads", 0)),
        };
        if (args.Get("start-date") is { } start)
        {
            options.StartDate = DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new CliUsageException($"--start-date expects YYYY-MM-DD, got '{start}'");
        }
        if (args.Get("injection-share") is { } share)
        {
            options.InjectionShare = double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1
                ? x : throw new CliUsageException($"--injection-share expects a number in [0, 1], got '{share}'");
        }
        var layout = ParseLayout(args.Get("layout") ?? "zip");
        // A throughput batch: blocking collections cost less CPU than background ones racing the workers.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        var summary = CorpusOutput.Write(options, dir, layout, cancellationToken);
        var rate = summary.Seds / Math.Max(0.001, summary.Elapsed.TotalSeconds);
        Console.WriteLine(FormattableString.Invariant(
            $"generated {summary.Seds} SEDs ({summary.Malformed} malformed, {summary.Duplicates} duplicate deliveries) over {summary.Days} days, {summary.A1s} A1s, {summary.Declarations} declarations in {summary.Elapsed.TotalSeconds:F1} s ({rate:F0} SEDs/s, {summary.XmlBytes / 1048576.0:F1} MiB of XML; reference records not tied to a SED {summary.BackgroundElapsed.TotalSeconds:F1} s) → {dir}"));
        return Task.FromResult(0);
    }

    private static OutputLayout ParseLayout(string raw)
    {
        var layout = OutputLayout.None;
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            layout |= part switch
            {
                "zip" => OutputLayout.Zip,
                "files" => OutputLayout.Files,
                "both" => OutputLayout.Zip | OutputLayout.Files,
                "frames" => OutputLayout.Frames,
                _ => throw new CliUsageException($"--layout expects zip, files, both or frames, got '{part}'"),
            };
        }
        return layout == OutputLayout.None ? throw new CliUsageException("--layout is empty") : layout;
    }
}
