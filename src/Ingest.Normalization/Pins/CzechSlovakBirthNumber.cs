namespace Ingest.Normalization.Pins;

/// <summary>
/// CZ/SK rodné číslo: YYMMDD/XXX (9 digits, before 1954, no check) or YYMMDD/XXXX (10 digits,
/// the whole number divisible by 11; when the first nine mod 11 = 10 the last digit is 0).
/// </summary>
internal static class CzechSlovakBirthNumber
{
    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (!Digits.AllDigits(s))
        {
            return PinStatus.Invalid;
        }
        if (s.Length == 9)
        {
            return PinStatus.Unchecked;
        }
        if (s.Length != 10)
        {
            return PinStatus.Invalid;
        }
        return Digits.At(s, 9) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        var r = Digits.Mod(s[..9], 11);
        return r == 10 ? 0 : r;
    }
}
