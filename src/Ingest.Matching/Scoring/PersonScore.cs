namespace Ingest.Matching.Scoring;

/// <summary>
/// How well a reference person matches the SED's person, with the parts that explain it.
/// <see cref="NeedsCorroboration"/>: one identifier disagrees while the rest agrees — a PIN of the same
/// country; the birth date by one component, or day and month swapped, or wholly under the very same
/// names; another nationality under names only alike — so such a candidate is only the person
/// for a record of the same posting (same employer, overlapping period), as a namesake's would not be.
/// </summary>
internal readonly record struct PersonScore(
    double Score,
    double Name,
    DateAgreement BirthDate,
    int Sex,
    int Nationality,
    bool PinExact,
    bool PinConflict,
    bool NeedsCorroboration = false)
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
