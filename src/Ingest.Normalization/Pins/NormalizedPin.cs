namespace Ingest.Normalization.Pins;

/// <summary>A personal identification number with formatting stripped, the raw value kept.</summary>
public readonly record struct NormalizedPin(string Country, string Value, PinStatus Status, string? Raw)
{
    public bool IsUsable => Status is PinStatus.Valid or PinStatus.Unchecked && Value.Length > 1;

    /// <summary>"CC:VALUE", the index key.</summary>
    public string Key => Country + ":" + Value;
}
