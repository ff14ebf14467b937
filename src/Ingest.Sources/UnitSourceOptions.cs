namespace Ingest.Sources;

public sealed class UnitSourceOptions
{
    public static UnitSourceOptions Default { get; } = new();

    /// <summary>Largest unit read into memory (file, zip entry, frame); larger ones become a FramingError unit.</summary>
    public int MaxUnitBytes { get; init; } = 64 * 1024 * 1024;
}
