namespace Ingest.Matching.Scoring;

/// <summary>How well a reference person matches the SED's person, with the parts that explain it.</summary>
internal readonly record struct PersonScore(
    double Score,
    double Name,
    DateAgreement BirthDate,
    int Sex,
    int Nationality,
    bool PinExact,
    bool PinConflict)
{
    public static readonly PersonScore None = new(0, 0, DateAgreement.Unknown, 0, 0, false, false);
}

internal enum DateAgreement : byte
{
    Unknown = 0,
    Exact = 1,
    DayMonthSwapped = 2,
    OneComponent = 3,
    Different = 4,
}
