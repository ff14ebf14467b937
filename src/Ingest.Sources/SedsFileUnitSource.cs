using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>A multi-document *.seds file (docs/FORMATS.md §3): one unit per frame, named "file.seds#index".</summary>
public sealed class SedsFileUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (stream, error) = UnreadableFile.Open(path, bufferSize: 64 * 1024);
        if (stream is null)
        {
            yield return error!;
            yield break;
        }
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var unit in SedsFraming.ReadAsync(path, null, stream, _options, cancellationToken).ConfigureAwait(false))
            {
                yield return unit;
            }
        }
    }
}
