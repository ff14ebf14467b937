namespace Ingest.Normalization.Pins;

/// <summary>PT NIF: 9 digits, weights 9…2, check = 11 − Σ mod 11 (10, 11 → 0). NISS (11 digits) unchecked.</summary>
internal static class PortugueseNif
{
    private static ReadOnlySpan<int> Weights => [9, 8, 7, 6, 5, 4, 3, 2];

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length == 11 && Digits.AllDigits(s))
        {
            return PinStatus.Unchecked;
        }
        return s.Length == 9 && Digits.AllDigits(s) && Digits.At(s, 8) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        var c = 11 - Digits.Weighted(s, Weights) % 11;
        return c >= 10 ? 0 : c;
    }
}
