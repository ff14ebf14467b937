namespace Ingest.Normalization.Pins;

/// <summary>
/// FR NIR: sex, year, month, department (2A/2B for Corsica), commune, order = 13 characters, then
/// the key 97 − (n mod 97), computed with 2A → 19 and 2B → 18. The month is 01–12, or 20–42 and 50–99
/// for a person registered without a known birth month.
/// </summary>
internal static class FrenchNir
{
    public static PinStatus Validate(ReadOnlySpan<char> s)
    {
        if (s.Length is not (13 or 15))
        {
            return PinStatus.Invalid;
        }
        if (s[0] is not ('1' or '2' or '3' or '4' or '7' or '8') || !Digits.AllDigits(s[3..5]) || Digits.Two(s, 3) is 0 or (> 12 and < 20) or (> 42 and < 50))
        {
            return PinStatus.Invalid;
        }
        Span<char> body = stackalloc char[13];
        if (!TryNumericBody(s[..13], body))
        {
            return PinStatus.Invalid;
        }
        if (s.Length == 13)
        {
            // The key is often left off; the body alone is well-formed but unverifiable.
            return PinStatus.Unchecked;
        }
        if (!Digits.AllDigits(s[13..]))
        {
            return PinStatus.Invalid;
        }
        var key = (s[13] - '0') * 10 + (s[14] - '0');
        return key == Key(body) ? PinStatus.Valid : PinStatus.Invalid;
    }

    /// <summary>The two-digit key of a 13-character body (2A/2B allowed).</summary>
    public static int ComputeKey(ReadOnlySpan<char> body13)
    {
        Span<char> body = stackalloc char[13];
        return TryNumericBody(body13, body) ? Key(body) : -1;
    }

    private static int Key(ReadOnlySpan<char> numericBody) => 97 - (int)(long.Parse(numericBody, provider: null) % 97);

    private static bool TryNumericBody(ReadOnlySpan<char> s, Span<char> body)
    {
        s.CopyTo(body);
        if (s[5] == '2' && s[6] is 'A' or 'B')
        {
            // Corsica: the key is computed on the number with 2A read as 19 and 2B as 18.
            body[5] = '1';
            body[6] = s[6] == 'A' ? '9' : '8';
        }
        return Digits.AllDigits(body);
    }
}
