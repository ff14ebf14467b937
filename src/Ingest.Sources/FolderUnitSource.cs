using System.Runtime.CompilerServices;
using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// A folder, recursively, in ordinal path order (deterministic across runs and machines): *.xml files,
/// *.zip archives and *.seds multi-document files; other files are not inputs.
/// </summary>
public sealed class FolderUnitSource(string path, UnitSourceOptions? options = null) : IUnitSource
{
    private readonly UnitSourceOptions _options = options ?? UnitSourceOptions.Default;

    public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
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
}
