namespace Ingest.Normalization.Pins;

/// <summary>
/// BG EGN: 10 digits, YYMMDD (month +20 for the 1800s, +40 for the 2000s), weights 2-4-8-5-10-9-7-3-6,
/// check = Σ mod 11 (10 → 0); the birth date must exist.
/// </summary>
internal static class BulgarianEgn
{
    private static ReadOnlySpan<int> Weights => [2, 4, 8, 5, 10, 9, 7, 3, 6];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 10 && Digits.AllDigits(s) && HasBirthDate(s) && Digits.At(s, 9) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    private static bool HasBirthDate(ReadOnlySpan<char> s)
    {
        var month = Digits.Two(s, 2);
        var century = month switch
        {
            >= 1 and <= 12 => 1900,
            >= 21 and <= 32 => 1800,
            >= 41 and <= 52 => 2000,
            _ => 0,
        };
        return century > 0 && Digits.IsDate(century + Digits.Two(s, 0), month % 20, Digits.Two(s, 4));
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? 0 : r;
    }
}
