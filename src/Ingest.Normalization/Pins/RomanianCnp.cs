namespace Ingest.Normalization.Pins;

/// <summary>RO CNP: 13 digits, weights 279146358279, check = Σ mod 11 (10 → 1).</summary>
internal static class RomanianCnp
{
    private static ReadOnlySpan<int> Weights => [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 13 && Digits.AllDigits(s) && s[0] != '0' && Digits.At(s, 12) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? 1 : r;
    }
}
