using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>One file, one unit (named by its path).</summary>
public sealed class FileUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (stream, error) = UnreadableFile.Open(path, bufferSize: 1);
        if (stream is null)
        {
            yield return error!;
            yield break;
        }
        await using (stream.ConfigureAwait(false))
        {
            // A pipe or a character device (/dev/stdin, a shell's <(…)) has no length: read to its end.
            yield return await StreamUnits.ReadAsync(new UnitId(path, null, 0), stream, stream.CanSeek ? stream.Length : null, _options, cancellationToken).ConfigureAwait(false);
        }
    }
}
