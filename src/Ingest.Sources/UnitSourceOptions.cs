namespace Ingest.Sources;

public sealed class UnitSourceOptions
{
    public static UnitSourceOptions Default { get; } = new();

    /// <summary>Largest unit read into memory (file, zip entry, frame); larger ones become a FramingError unit.</summary>
    public int MaxUnitBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Zip entries are handed on still compressed (<see cref="InputUnit.Deflated"/>), to be expanded
    /// by <see cref="UnitInflation.Inflate"/> in parallel workers; the reader then only copies bytes.
    /// </summary>
    public bool DeferInflate { get; init; }
}
