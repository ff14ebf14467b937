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
            yield return await StreamUnits.ReadAsync(new UnitId(path, null, 0), stream, stream.Length, _options, cancellationToken).ConfigureAwait(false);
        }
    }
}
