namespace Ingest.Normalization.Pins;

/// <summary>BG EGN: 10 digits, weights 2-4-8-5-10-9-7-3-6, check = Σ mod 11 (10 → 0).</summary>
internal static class BulgarianEgn
{
    private static ReadOnlySpan<int> Weights => [2, 4, 8, 5, 10, 9, 7, 3, 6];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 10 && Digits.AllDigits(s) && Digits.At(s, 9) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? 0 : r;
    }
}
