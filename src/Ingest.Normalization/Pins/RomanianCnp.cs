namespace Ingest.Normalization.Pins;

/// <summary>
/// RO CNP: 13 digits, S YYMMDD JJ NNN C: S 1–9 (1/2 the 1900s, 3/4 the 1800s, 5/6 the 2000s, 7–9
/// residents and foreigners, century unsaid), a birth date that exists, county JJ 01–52 or 70,
/// weights 279146358279, check = Σ mod 11 (10 → 1).
/// </summary>
internal static class RomanianCnp
{
    private static ReadOnlySpan<int> Weights => [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

    public static PinStatus Validate(ReadOnlySpan<char> s) =>
        s.Length == 13 && Digits.AllDigits(s) && s[0] != '0' && HasBirthDateAndCounty(s) && Digits.At(s, 12) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;

    private static bool HasBirthDateAndCounty(ReadOnlySpan<char> s)
    {
        // A leap century where the century is unsaid: 29 February is then possible.
        var century = s[0] switch { '1' or '2' => 1900, '3' or '4' => 1800, _ => 2000 };
        var county = Digits.Two(s, 7);
        return Digits.IsDate(century + Digits.Two(s, 1), Digits.Two(s, 3), Digits.Two(s, 5)) && county is (>= 1 and <= 52) or 70;
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Weighted(s, Weights) % 11;
        return r == 10 ? 1 : r;
    }
}
