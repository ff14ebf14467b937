namespace Ingest.Normalization.Pins;

/// <summary>NL BSN: 9 digits (8 with a leading zero dropped), "11-proof": Σ d·(9…2) − last ≡ 0 mod 11.</summary>
internal static class DutchBsn
{
    private static ReadOnlySpan<int> Weights => [9, 8, 7, 6, 5, 4, 3, 2];

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length != 9 || !Digits.AllDigits(s))
        {
            return PinStatus.Invalid;
        }
        var sum = Digits.Weighted(s, Weights) - Digits.At(s, 8);
        return sum > 0 && sum % 11 == 0 ? PinStatus.Valid : PinStatus.Invalid;
    }

    /// <summary>The check digit for 8 leading digits, or -1 when none makes the number valid.</summary>
    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? -1 : r;
    }
}
