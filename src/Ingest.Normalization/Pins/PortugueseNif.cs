namespace Ingest.Normalization.Pins;

/// <summary>
/// PT NIF: 9 digits, an assigned first digit or pair (1–3 persons, 45 non-resident persons, 5 and 6
/// bodies, 70–79 and 90–99 special cases as assigned, 8 sole traders), weights 9…2, check = 11 − Σ mod 11
/// (10, 11 → 0). NISS (11 digits) unchecked.
/// </summary>
internal static class PortugueseNif
{
    private static ReadOnlySpan<int> Weights => [9, 8, 7, 6, 5, 4, 3, 2];

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length == 11 && Digits.AllDigits(s))
        {
            return PinStatus.Unchecked;
        }
        return s.Length == 9 && Digits.AllDigits(s) && IsAssignedPrefix(s) && Digits.At(s, 8) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    private static bool IsAssignedPrefix(ReadOnlySpan<char> s) => s[0] switch
    {
        '1' or '2' or '3' or '5' or '6' or '8' => true,
        '4' => s[1] == '5',
        '7' => s[1] is not ('3' or '6'),
        '9' => s[1] is '0' or '1' or '8' or '9',
        _ => false,
    };

    public static int Check(ReadOnlySpan<char> s)
    {
        var c = 11 - Digits.Weighted(s, Weights) % 11;
        return c >= 10 ? 0 : c;
    }
}
