namespace Ingest.Normalization.Pins;

/// <summary>
/// IT codice fiscale: 6 letters, 2 digits, letter, 2 digits, letter, 3 digits, check letter
/// (digits may be replaced by letters LMNPQRSTUV for homocodes). Check: odd/even position tables, Σ mod 26.
/// </summary>
internal static class ItalianCodiceFiscale
{
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
            var letterOnly = i is < 6 or 8 or 11 or 15;
            var c = s[i];
            if (c is not (>= 'A' and <= 'Z') && (letterOnly || c is not (>= '0' and <= '9')))
            {
                return PinStatus.Invalid;
            }
        }
        return s[15] == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

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
