using System.Globalization;

namespace Ingest.Generator.Population.Pins;

/// <summary>Belgian national register number: YYMMDD, serial (odd men, even women), key = 97 − (n mod 97), with n prefixed by 2 for births from 2000.</summary>
public sealed class BeNationalNumber : IPinFormat
{
    public string Country => "BE";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var serial = rng.Next(0, 499) * 2 + (s.Female ? 2 : 1);
        var body = PinDigits.Yymmdd(s.BirthDate) + serial.ToString("D3", CultureInfo.InvariantCulture);
        return body + PinDigits.Two(Key(body, s.BirthDate.Year >= 2000));
    }

    private static int Key(string body9, bool born2000) => 97 - (int)(ulong.Parse((born2000 ? "2" : "") + body9, CultureInfo.InvariantCulture) % 97);

    public bool IsValid(string pin)
    {
        if (pin.Length != 11 || !PinDigits.AllDigits(pin))
        {
            return false;
        }
        var key = int.Parse(pin.AsSpan(9), CultureInfo.InvariantCulture);
        return Key(pin[..9], false) == key || Key(pin[..9], true) == key;
    }
}
