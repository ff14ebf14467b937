using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Benchmarks.Parsing;

/// <summary>
/// The documents the parsing benchmarks run over. Default: the hand-written SEDs in samples/valid,
/// repeated to about 512 KB so the working set is not a few cache lines. Swap it with
/// INGEST_BENCH_CORPUS=&lt;folder of *.xml&gt; (e.g. the generator's output) without touching the code.
/// </summary>
internal static class ParsingCorpus
{
    private const int TargetBytes = 512 * 1024;

    public static byte[][] Load()
    {
        var folder = Environment.GetEnvironmentVariable("INGEST_BENCH_CORPUS") ?? Path.Combine(FindRoot(), "samples", "valid");
        var files = Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var docs = files.Select(File.ReadAllBytes).ToList();
        if (docs.Count == 0)
        {
            throw new InvalidOperationException($"no *.xml in {folder}");
        }
        var result = new List<byte[]>();
        long total = 0;
        while (total < TargetBytes)
        {
            foreach (var d in docs)
            {
                result.Add(d);
                total += d.Length;
            }
        }
        return [.. result];
    }

    /// <summary>The corpus as input units, each checked to parse as a SED (a benchmark of records must not time rejections).</summary>
    public static InputUnit[] LoadUnits(SedParser parser)
    {
        var units = Load().Select((d, i) => new InputUnit(new UnitId("bench", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0), d)).ToArray();
        foreach (var unit in units)
        {
            if (parser.Parse(unit).Kind != ParseOutcomeKind.Sed)
            {
                throw new InvalidOperationException($"corpus document {unit.Id} is not a SED");
            }
        }
        return units;
    }

    public static (int Documents, long Bytes) Measure()
    {
        var docs = Load();
        return (docs.Length, docs.Sum(d => (long)d.Length));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
