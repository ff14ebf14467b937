namespace Ingest.Normalization.Pins;

/// <summary>
/// CZ/SK rodné číslo: YYMMDD/XXX (9 digits, born before 1954, no check) or YYMMDD/XXXX (10 digits,
/// the whole number divisible by 11; when the first nine mod 11 = 10 the last digit is 0). The month
/// is +50 for women and +20 for numbers of the 2004 extension; the birth date must exist.
/// </summary>
internal static class CzechSlovakBirthNumber
{
    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (!Digits.AllDigits(s) || s.Length is not (9 or 10))
        {
            return PinStatus.Invalid;
        }
        var yy = Digits.Two(s, 0);
        if (s.Length == 9)
        {
            return yy < 54 && HasBirthDate(s, 1900 + yy) ? PinStatus.Unchecked : PinStatus.Invalid;
        }
        return HasBirthDate(s, yy < 54 ? 2000 + yy : 1900 + yy) && Digits.At(s, 9) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    private static bool HasBirthDate(ReadOnlySpan<char> s, int year)
    {
        var month = Digits.Two(s, 2);
        month = month > 50 ? month - 50 : month;
        month = month > 20 ? month - 20 : month;
        return Digits.IsDate(year, month, Digits.Two(s, 4));
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Mod(s[..9], 11);
        return r == 10 ? 0 : r;
    }
}
