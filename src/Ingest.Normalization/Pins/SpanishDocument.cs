namespace Ingest.Normalization.Pins;

/// <summary>
/// ES DNI (8 digits + letter), NIE (X/Y/Z + 7 digits + letter, prefix read as 0/1/2), letter =
/// table[n mod 23] (a DNI written without its leading zero is padded, see <see cref="PinNormalizer"/>); and
/// the social-security number NAF (12 digits: province, 8-digit number, control = province and number
/// mod 97, where a number below 10⁷ is added to province · 10⁷; the plain concatenation is accepted too).
/// </summary>
internal static class SpanishDocument
{
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length == 12 && Digits.AllDigits(s))
        {
            var control = Digits.Two(s, 10);
            var affiliate = long.Parse(s[2..10], provider: null);
            var valid = Digits.Mod(s[..10], 97) == control || (affiliate < 10_000_000 && (Digits.Two(s, 0) * 10_000_000L + affiliate) % 97 == control);
            return valid ? PinStatus.Valid : PinStatus.Invalid;
        }
        if (s.Length != 9)
        {
            return PinStatus.Invalid;
        }
        Span<char> number = stackalloc char[8];
        s[..8].CopyTo(number);
        number[0] = s[0] switch { 'X' => '0', 'Y' => '1', 'Z' => '2', _ => s[0] };
        if (!Digits.AllDigits(number))
        {
            return PinStatus.Invalid;
        }
        return s[8] == Letters[Digits.Mod(number, 23)] ? PinStatus.Valid : PinStatus.Invalid;
    }

    public static char Letter(ReadOnlySpan<char> eightDigits) => Letters[Digits.Mod(eightDigits, 23)];
}
