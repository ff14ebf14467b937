using Ingest.Normalization.Countries;
using Ingest.Normalization.Pins;

namespace Ingest.Normalization.Employers;

/// <summary>
/// Employer identifiers: SIREN (9 digits) and SIRET (14 digits) verified with Luhn, VAT numbers with
/// their country prefix (FR key verified: (12 + 3·(SIREN mod 97)) mod 97), others cleaned and kept.
/// </summary>
public static class EmployerIdNormalizer
{
    public static NormalizedEmployerId Normalize(string? raw, string? country = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new NormalizedEmployerId("", EmployerIdKind.Empty, false, "", raw);
        }
        Span<char> buffer = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = PinNormalizer.Strip(raw, buffer);
        if (n == 0)
        {
            return new NormalizedEmployerId("", EmployerIdKind.Empty, false, "", raw);
        }
        var v = buffer[..n];
        if (AllZeros(v) || (v.Length > 2 && char.IsAsciiLetter(v[0]) && char.IsAsciiLetter(v[1]) && AllZeros(v[2..])))
        {
            // Zeros (with or without a country prefix) are what a form holds when the number is unknown:
            // no number, not one every such employer would share as a key.
            return new NormalizedEmployerId("", EmployerIdKind.Empty, false, "", raw);
        }
        var cc = CountryNormalizer.Normalize(country);
        if (v.Length >= 4 && char.IsAsciiLetter(v[0]) && char.IsAsciiLetter(v[1]) && VatPrefix(v[..2]) is { } prefix && (cc is null || cc == prefix || char.IsAsciiDigit(v[2]) || (prefix == "AT" && v[2] == 'U')))
        {
            return Vat(v, prefix, raw);
        }
        if (Pins.Digits.AllDigits(v) && (cc is null or "FR"))
        {
            if (v.Length == 9)
            {
                var siren = Same(v, raw);
                return new NormalizedEmployerId(siren, EmployerIdKind.Siren, Luhn.IsValid(v), string.Concat("FR:", siren), raw);
            }
            if (v.Length == 14)
            {
                return new NormalizedEmployerId(Same(v, raw), EmployerIdKind.Siret, IsValidSiret(v), string.Concat("FR:", v[..9]), raw);
            }
        }
        var value = Same(v, raw);
        // Foreign registrations are compared without a country: the employer's address country is
        // not always its registration country.
        return new NormalizedEmployerId(value, EmployerIdKind.Other, true, value, raw);
    }

    /// <summary>The FR VAT key of a SIREN.</summary>
    public static int FrenchVatKey(ReadOnlySpan<char> siren) => (12 + 3 * Pins.Digits.Mod(siren, 97)) % 97;

    private static bool IsValidSiret(ReadOnlySpan<char> v) =>
        Luhn.IsValid(v) || (v.StartsWith("356000000") && DigitSum(v) % 5 == 0); // La Poste establishments

    private static bool AllZeros(ReadOnlySpan<char> v) => !v.ContainsAnyExcept('0');

    private static int DigitSum(ReadOnlySpan<char> v)
    {
        var s = 0;
        foreach (var c in v)
        {
            s += c - '0';
        }
        return s;
    }

    private static NormalizedEmployerId Vat(ReadOnlySpan<char> v, string country, string raw)
    {
        var body = v[2..];
        var value = Same(v, raw);
        if (country == "FR")
        {
            if (body.Length == 11 && Pins.Digits.AllDigits(body))
            {
                var siren = body[2..];
                if (AllZeros(siren))
                {
                    // A key before a zero SIREN: still the placeholder of an unknown number.
                    return new NormalizedEmployerId("", EmployerIdKind.Empty, false, "", raw);
                }
                var key = (body[0] - '0') * 10 + (body[1] - '0');
                var valid = Luhn.IsValid(siren) && key == FrenchVatKey(siren);
                return new NormalizedEmployerId(value, EmployerIdKind.Vat, valid, string.Concat("FR:", siren), raw);
            }
            return new NormalizedEmployerId(value, EmployerIdKind.Vat, false, string.Concat("FR:", body), raw);
        }
        return new NormalizedEmployerId(value, EmployerIdKind.Vat, HasVatFormat(country, body), string.Concat(country, ":", body), raw);
    }

    /// <summary>
    /// The shape of a VAT number after its prefix, per member state (the Commission's VIES formats):
    /// lengths and which places hold digits or letters. Check digits are not verified (only FR's, above).
    /// </summary>
    internal static bool HasVatFormat(string country, ReadOnlySpan<char> b) => country switch
    {
        "AT" => b.Length == 9 && b[0] == 'U' && D(b[1..]),
        "BE" => b.Length == 10 && D(b) && b[0] is '0' or '1',
        "BG" => b.Length is 9 or 10 && D(b),
        "CY" => b.Length == 9 && D(b[..8]) && char.IsAsciiLetter(b[8]),
        "CZ" => b.Length is >= 8 and <= 10 && D(b),
        "DE" or "EE" or "GR" or "PT" => b.Length == 9 && D(b),
        "DK" or "FI" or "HU" or "LU" or "MT" or "SI" => b.Length == 8 && D(b),
        "ES" => b.Length == 9 && char.IsAsciiLetterOrDigit(b[0]) && D(b[1..8]) && char.IsAsciiLetterOrDigit(b[8]),
        "HR" or "IT" or "LV" => b.Length == 11 && D(b),
        "IE" => b.Length is 8 or 9 && char.IsAsciiDigit(b[0]) && char.IsAsciiLetterOrDigit(b[1]) && D(b[2..7]) && Letters(b[7..]),
        "LT" => b.Length is 9 or 12 && D(b),
        "NL" => b.Length == 12 && D(b[..9]) && b[9] == 'B' && D(b[10..]),
        "PL" or "SK" => b.Length == 10 && D(b),
        "RO" => b.Length is >= 2 and <= 10 && D(b),
        "SE" => b.Length == 12 && D(b),
        // The UK's (and Northern Ireland's XI): 9 or 12 digits, or a government department or health authority (GD, HA + 3 digits).
        "GB" => (b.Length is 9 or 12 && D(b)) || (b.Length == 5 && (b.StartsWith("GD") || b.StartsWith("HA")) && D(b[2..])),
        _ => b.Length is >= 2 and <= 13,
    };

    private static bool D(ReadOnlySpan<char> s) => Pins.Digits.AllDigits(s);

    private static bool Letters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }
        return s.Length > 0;
    }

    /// <summary>The raw string when stripping changed nothing (the usual case), so that no copy is made.</summary>
    private static string Same(ReadOnlySpan<char> stripped, string raw) => stripped.SequenceEqual(raw) ? raw : stripped.ToString();

    private static string? VatPrefix(ReadOnlySpan<char> two)
    {
        // VAT numbers use the EU prefixes (EL for Greece, XI for Northern Ireland), and the UK's own
        // register GB: one business is GB… or XI… with the same digits, so both read as GB. A prefix that
        // disagrees with the address country counts only before digits, so "HRB 12345" (a German
        // commercial register number) is not read as a Croatian VAT number.
        if (two.SequenceEqual("XI") || two.SequenceEqual("GB"))
        {
            return "GB";
        }
        var cc = CountryNormalizer.Normalize(two);
        return cc is not null && CountryNormalizer.IsEu(cc) && !two.SequenceEqual("GR") ? cc : null;
    }
}
