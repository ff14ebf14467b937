using System.IO.Compression;
using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// Entries of a zip archive, streamed one by one from a FileStream (the archive is never loaded whole),
/// in archive order, named "archive.zip!entry". Entries ending in .seds are framed further.
/// </summary>
public sealed class ZipUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }
                var stream = entry.Open();
                await using (stream.ConfigureAwait(false))
                {
                    if (entry.FullName.EndsWith(".seds", StringComparison.OrdinalIgnoreCase))
                    {
                        await foreach (var frame in SedsFraming.ReadAsync(path, entry.FullName, stream, _options, cancellationToken).ConfigureAwait(false))
                        {
                            yield return frame;
                        }
                    }
                    else
                    {
                        yield return await StreamUnits.ReadAsync(new UnitId(path, entry.FullName, 0), stream, entry.Length, _options, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
