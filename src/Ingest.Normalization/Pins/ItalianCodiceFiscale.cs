namespace Ingest.Normalization.Pins;

/// <summary>
/// IT codice fiscale: 6 letters, 2 digits (year), month letter (ABCDEHLMPRST), 2 digits (day 01–31,
/// +40 for women), letter, 3 digits, check letter; a digit may be replaced by its letter of LMNPQRSTUV
/// (homocodes). Check: odd/even position tables, Σ mod 26.
/// </summary>
internal static class ItalianCodiceFiscale
{
    private const string Homocode = "LMNPQRSTUV";
    private const string Months = "ABCDEHLMPRST";

    // Values of characters in odd positions (1st, 3rd…): digits 0-9 then letters A-Z.
    private static ReadOnlySpan<int> OddDigits => [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static ReadOnlySpan<int> OddLetters => [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length != 16)
        {
            return PinStatus.Invalid;
        }
        for (var i = 0; i < 16; i++)
        {
            var c = s[i];
            var ok = i is 6 or 7 or 9 or 10 or 12 or 13 or 14
                ? c is >= '0' and <= '9' || Homocode.Contains(c)
                : c is >= 'A' and <= 'Z';
            if (!ok)
            {
                return PinStatus.Invalid;
            }
        }
        var day = DigitOf(s[9]) * 10 + DigitOf(s[10]);
        if (!Months.Contains(s[8]) || day is 0 or (> 31 and < 41) or > 71)
        {
            return PinStatus.Invalid;
        }
        return s[15] == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    /// <summary>A digit position's value, written as a digit or as its homocode letter.</summary>
    private static int DigitOf(char c) => c is >= '0' and <= '9' ? c - '0' : Homocode.IndexOf(c);

    public static char Check(ReadOnlySpan<char> s)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = s[i];
            if (i % 2 == 0)
            {
                sum += c is >= '0' and <= '9' ? OddDigits[c - '0'] : OddLetters[c - 'A'];
            }
            else
            {
                sum += c is >= '0' and <= '9' ? c - '0' : c - 'A';
            }
        }
        return (char)('A' + sum % 26);
    }
}
