namespace Ingest.Normalization.Pins;

public enum PinStatus : byte
{
    /// <summary>No PIN given (null, blank, or only separators).</summary>
    Empty = 0,
    /// <summary>Format and check digit verified.</summary>
    Valid = 1,
    /// <summary>Country without a known format, or a format without a check digit: kept as is.</summary>
    Unchecked = 2,
    /// <summary>Wrong length, characters or check digit: kept, marked.</summary>
    Invalid = 3,
}
