using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// A folder, recursively, in ordinal path order (deterministic across runs and machines): *.xml files,
/// *.zip archives and *.seds multi-document files; other files are not inputs. A linked folder is
/// followed once (a link back up the tree would otherwise repeat the same files until the path grew
/// too long); an input that cannot be opened yields one unit saying why.
/// </summary>
public sealed class FolderUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    /// <summary>Lists a folder (tests stand in a failing one: a root process reads every folder).</summary>
    internal Func<string, IEnumerable<FileSystemInfo>>? ListFolder { get; init; }

    public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (file, error) in Files(path, ListFolder))
        {
            if (error is not null)
            {
                yield return new InputUnit(new UnitId(file, null, 0), ReadOnlyMemory<byte>.Empty) { FramingError = $"folder is unreadable: {error}" };
                continue;
            }
            var source = UnitSources.ForFile(file, _options);
            if (source is null)
            {
                continue;
            }
            await foreach (var unit in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return unit;
            }
        }
    }

    /// <summary>
    /// Every file below <paramref name="root"/>, each folder's real location visited once, sorted by path;
    /// a folder that cannot be listed is in the list with the reason (its files are then unknown, the
    /// rest of the tree is still read).
    /// </summary>
    internal static List<(string Path, string? Error)> Files(string root, Func<string, IEnumerable<FileSystemInfo>>? list = null)
    {
        list ??= static folder => new DirectoryInfo(folder).EnumerateFileSystemInfos();
        var files = new List<(string Path, string? Error)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.TryPop(out var folder))
        {
            if (!visited.Add(RealPath(folder)))
            {
                continue;
            }
            var found = new List<FileSystemInfo>();
            try
            {
                found.AddRange(list(folder));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files.Add((Path.GetFullPath(folder), e.Message));
                continue;
            }
            foreach (var entry in found)
            {
                // A link to a folder is a folder to walk; a dangling link is a file (its reader reports it).
                if (entry is DirectoryInfo || (entry.LinkTarget is not null && Directory.Exists(entry.FullName)))
                {
                    folders.Push(entry.FullName);
                }
                else
                {
                    files.Add((entry.FullName, null));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The folder's canonical path, every link on the way resolved (realpath(3)), so two routes to one folder compare equal.</summary>
    private static string RealPath(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            var resolved = RealPathNative(folder, IntPtr.Zero);
            if (resolved != IntPtr.Zero)
            {
                try
                {
                    return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved) ?? folder;
                }
                finally
                {
                    System.Runtime.InteropServices.Marshal.FreeHGlobal(resolved);
                }
            }
        }
        return Path.GetFullPath(folder);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "realpath", CharSet = System.Runtime.InteropServices.CharSet.Ansi)]
    private static extern IntPtr RealPathNative(string path, IntPtr resolved);
}
