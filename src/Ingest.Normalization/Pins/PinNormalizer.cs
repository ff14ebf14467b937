using System.Globalization;
using Ingest.Normalization.Countries;

namespace Ingest.Normalization.Pins;

/// <summary>
/// PINs per issuing country: separators (spaces, dots, dashes, slashes…) stripped, letters
/// upper-cased, then the national format and check digit verified where one exists. An invalid
/// PIN is kept, marked <see cref="PinStatus.Invalid"/>, so the sender's value is never lost.
/// </summary>
public static class PinNormalizer
{
    public static NormalizedPin Normalize(string? country, string? raw)
    {
        var cc = CountryNormalizer.Normalize(country) ?? "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new NormalizedPin(cc, "", PinStatus.Empty, raw);
        }
        Span<char> buffer = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = Strip(raw, buffer);
        if (n == 0)
        {
            return new NormalizedPin(cc, "", PinStatus.Empty, raw);
        }
        var value = Canonical(cc, buffer[..n]);
        return new NormalizedPin(cc, value, Validate(cc, value), raw);
    }

    /// <summary>
    /// The form two writings of one PIN share: an NL BSN and an ES DNI written without their leading zero
    /// get it back (8 digits; 7 digits and a letter), so both writings give one key.
    /// </summary>
    private static string Canonical(string country, ReadOnlySpan<char> value) => country switch
    {
        "NL" when value.Length == 8 && Digits.AllDigits(value) => "0" + value.ToString(),
        "ES" when value.Length == 8 && Digits.AllDigits(value[..7]) && value[7] is >= 'A' and <= 'Z' => "0" + value.ToString(),
        _ => value.ToString(),
    };

    /// <summary>Keeps letters and digits, upper-cased: formatting never changes the value.</summary>
    public static int Strip(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var n = 0;
        foreach (var c in raw)
        {
            if (c is >= '0' and <= '9' or >= 'A' and <= 'Z')
            {
                destination[n++] = c;
            }
            else if (c is >= 'a' and <= 'z')
            {
                destination[n++] = (char)(c - 32);
            }
            else if (c >= 128 && char.IsDigit(c))
            {
                // Full-width and other scripts' digits (a form filled in on another keyboard) are the same digits.
                destination[n++] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
            }
            else if (c is >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
            {
                destination[n++] = (char)('A' + ((c - '\uFF21') % 32));
            }
            else if (c >= 128 && char.IsLetterOrDigit(c))
            {
                destination[n++] = char.ToUpperInvariant(c);
            }
        }
        return n;
    }

    /// <summary>The status of a value as <see cref="Normalize"/> makes it (stripped, in its canonical form).</summary>
    public static PinStatus Validate(string country, ReadOnlySpan<char> value) => country switch
    {
        "FR" => FrenchNir.Validate(value),
        "PL" => PolishPesel.Validate(value),
        "RO" => RomanianCnp.Validate(value),
        "BE" => BelgianNationalNumber.Validate(value),
        "IT" => ItalianCodiceFiscale.Validate(value),
        "BG" => BulgarianEgn.Validate(value),
        "CZ" or "SK" => CzechSlovakBirthNumber.Validate(value),
        "DE" => GermanRvnr.Validate(value),
        "ES" => SpanishDocument.Validate(value),
        "PT" => PortugueseNif.Validate(value),
        "NL" => DutchBsn.Validate(value),
        _ => value.Length is >= 2 and <= 65 ? PinStatus.Unchecked : PinStatus.Invalid,
    };
}
