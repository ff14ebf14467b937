using Ingest.Core.Reference;

namespace Ingest.Pipeline;

/// <summary>
/// What a reconcile input means. A generator output folder (it has manifest.json) gives its SEDs
/// (zip/ if present, else files/, never both: they hold the same SEDs) and its reference/ data;
/// any other path is read as it is.
/// </summary>
public sealed record CorpusLayout(IReadOnlyList<string> SedPaths, string? A1Path, string? DeclarationsPath)
{
    public static CorpusLayout Resolve(IReadOnlyList<string> inputs, string? a1Path, string? declarationsPath)
    {
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input) && File.Exists(Path.Combine(input, "manifest.json")))
            {
                var zip = Path.Combine(input, "zip");
                var files = Path.Combine(input, "files");
                var frames = Path.Combine(input, "frames");
                paths.Add(Directory.Exists(zip) ? zip : Directory.Exists(files) ? files : Directory.Exists(frames) ? frames : input);
                var reference = Path.Combine(input, "reference");
                a1Path ??= Existing(Path.Combine(reference, ReferenceJsonl.A1FileName));
                declarationsPath ??= Existing(Path.Combine(reference, ReferenceJsonl.DeclarationsFileName));
            }
            else
            {
                paths.Add(input);
            }
        }
        return new CorpusLayout(paths, a1Path, declarationsPath);
    }

    /// <summary>Units expected, for the progress ETA: zip entries and files, counted from directories only (cheap).</summary>
    public long CountUnits()
    {
        long total = 0;
        foreach (var path in SedPaths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                : File.Exists(path) ? [path] : [];
            foreach (var file in files)
            {
                if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    total += Sources.UnitSources.CountZipEntries(file) ?? 1;
                }
                else if (file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    total++;
                }
                else if (file.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
                {
                    return 0; // frames cannot be counted without reading: no ETA
                }
            }
        }
        return total;
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
