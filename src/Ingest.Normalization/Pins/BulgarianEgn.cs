namespace Ingest.Normalization.Pins;

/// <summary>
/// BG EGN: 10 digits, YYMMDD (month +20 for the 1800s, +40 for the 2000s), weights 2-4-8-5-10-9-7-3-6,
/// check = Σ mod 11 (10 → 0); the birth date must exist.
/// </summary>
internal static class BulgarianEgn
{
    private static ReadOnlySpan<int> Weights => [2, 4, 8, 5, 10, 9, 7, 3, 6];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 10 && Digits.AllDigits(s) && Digits.HasBirthDate(s, Century) && Digits.At(s, 9) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    private static int Century(int month) => month switch
    {
        >= 1 and <= 12 => 1900,
        >= 21 and <= 32 => 1800,
        >= 41 and <= 52 => 2000,
        _ => 0,
    };

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? 0 : r;
    }
}
