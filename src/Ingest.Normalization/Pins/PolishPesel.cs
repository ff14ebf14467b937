namespace Ingest.Normalization.Pins;

/// <summary>PL PESEL: 11 digits, weights 1-3-7-9, check = (10 − Σ mod 10) mod 10.</summary>
internal static class PolishPesel
{
    private static ReadOnlySpan<int> Weights => [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 11 && Digits.AllDigits(s) && Digits.At(s, 10) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    public static int Check(ReadOnlySpan<char> s) => (10 - Digits.Weighted(s, Weights) % 10) % 10;
}
