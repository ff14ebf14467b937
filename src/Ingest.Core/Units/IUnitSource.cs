namespace Ingest.Core.Units;

/// <summary>Frames a source (path, archive, topic) into input units, in source order.</summary>
public interface IUnitSource
{
    IAsyncEnumerable<InputUnit> ReadAsync(CancellationToken cancellationToken);
}
