using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>Chooses the source for each path by kind: folder, *.zip, *.seds, or a single file.</summary>
public static class UnitSources
{
    /// <summary>All units of all paths, in argument order. Throws <see cref="FileNotFoundException"/> for a missing path.</summary>
    /// <summary>
    /// Files in a zip archive (directories excluded), from its central directory alone; null when
    /// the archive is unreadable (it then counts as one unit, the one that will be quarantined).
    /// </summary>
    public static long? CountZipEntries(string path)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (Zip.ZipDirectory.CountFiles(file) is { } files)
            {
                return files;
            }
            using var archive = System.IO.Compression.ZipFile.OpenRead(path);
            return archive.Entries.Count(e => !e.FullName.EndsWith('/'));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static IUnitSource For(IEnumerable<string> paths, UnitSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<IUnitSource>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                sources.Add(new FolderUnitSource(path, options));
            }
            else if (File.Exists(path))
            {
                sources.Add(ForFile(path, options) ?? new FileUnitSource(path, options));
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }
        return new Concatenated(sources);
    }

    /// <summary>The source for one file given on its own or found in a folder; null when a folder file is not an input.</summary>
    internal static IUnitSource? ForFile(string path, UnitSourceOptions? options)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new ZipUnitSource(path, options);
        }
        if (path.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
        {
            return new SedsFileUnitSource(path, options);
        }
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return new FileUnitSource(path, options);
        }
        return null;
    }

    private sealed class Concatenated(List<IUnitSource> sources) : IUnitSource
    {
        public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var source in sources)
            {
                await foreach (var unit in source.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return unit;
                }
            }
        }
    }
}
