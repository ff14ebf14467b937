namespace Ingest.Normalization.Pins;

/// <summary>
/// BE national number: YYMMDD + 3-digit order + 2-digit check = 97 − (first nine mod 97); for
/// people born from 2000 the check is computed on "2" followed by the nine digits.
/// </summary>
internal static class BelgianNationalNumber
{
    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length != 11 || !Digits.AllDigits(s))
        {
            return PinStatus.Invalid;
        }
        var check = Digits.At(s, 9) * 10 + Digits.At(s, 10);
        return check == Check(s, bornFrom2000: false) || check == Check(s, bornFrom2000: true) ? PinStatus.Valid : PinStatus.Invalid;
    }

    public static int Check(ReadOnlySpan<char> s, bool bornFrom2000)
    {
        var nine = Digits.Mod(s[..9], 97);
        if (bornFrom2000)
        {
            // 2_000_000_000 mod 97 = 2e9 - 97*20618556 = 68
            nine = (nine + 68) % 97;
        }
        return 97 - nine;
    }
}
