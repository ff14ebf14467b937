namespace Ingest.Core.Results;

/// <summary>DOMAIN.md §5: BLOCK cannot be processed, RED takes the case out of automation.</summary>
public enum Severity : byte
{
    Low = 0,
    Med = 1,
    Red = 2,
    Block = 3,
}
