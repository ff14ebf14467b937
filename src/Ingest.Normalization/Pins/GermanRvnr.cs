namespace Ingest.Normalization.Pins;

/// <summary>
/// DE Rentenversicherungsnummer: area (2 digits), birth date DDMMYY, initial of the birth name
/// (letter), serial (2 digits), check digit. The letter counts as its two-digit alphabet position;
/// weights 2-1-2-5-7-1-2-1-2-1-2-1, digit sums of the products, Σ mod 10.
/// </summary>
internal static class GermanRvnr
{
    private static ReadOnlySpan<int> Weights => [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length == 11 && Digits.AllDigits(s))
        {
            // Steuer-IdNr (tax id) written in the PIN field: well-formed, verified elsewhere.
            return s[0] == '0' ? PinStatus.Invalid : PinStatus.Unchecked;
        }
        if (s.Length != 12 || !Digits.AllDigits(s[..8]) || s[8] is < 'A' or > 'Z' || !Digits.AllDigits(s[9..]))
        {
            return PinStatus.Invalid;
        }
        return Digits.At(s, 11) == Check(s) ? PinStatus.Valid : PinStatus.Invalid;
    }

    public static int Check(ReadOnlySpan<char> s)
    {
        Span<char> d = stackalloc char[12];
        s[..8].CopyTo(d);
        var letter = s[8] - 'A' + 1;
        d[8] = (char)('0' + letter / 10);
        d[9] = (char)('0' + letter % 10);
        d[10] = s[9];
        d[11] = s[10];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var p = (d[i] - '0') * Weights[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10;
    }
}
