namespace Ingest.Normalization.Pins;

/// <summary>
/// PL PESEL: 11 digits, YYMMDD (month +80 for the 1800s, +20 for the 2000s, +40, +60 after), weights
/// 1-3-7-9, check = (10 − Σ mod 10) mod 10; the birth date must exist.
/// </summary>
internal static class PolishPesel
{
    private static ReadOnlySpan<int> Weights => [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 11 && Digits.AllDigits(s) && Digits.HasBirthDate(s, Century) && Digits.At(s, 10) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    private static int Century(int month) => month switch
    {
        >= 81 and <= 92 => 1800,
        >= 1 and <= 12 => 1900,
        >= 21 and <= 32 => 2000,
        >= 41 and <= 52 => 2100,
        >= 61 and <= 72 => 2200,
        _ => 0,
    };

    public static int Check(ReadOnlySpan<char> s) => (10 - Digits.Weighted(s, Weights) % 10) % 10;
}
