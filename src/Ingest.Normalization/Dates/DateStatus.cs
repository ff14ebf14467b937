namespace Ingest.Normalization.Dates;

public enum DateStatus : byte
{
    Empty = 0,
    Valid = 1,
    /// <summary>Shaped like a date but not a calendar day (2023-02-30, month 13).</summary>
    Impossible = 2,
    /// <summary>Not a date shape we know.</summary>
    Unparseable = 3,
}
