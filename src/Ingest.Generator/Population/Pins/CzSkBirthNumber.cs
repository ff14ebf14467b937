using System.Globalization;

namespace Ingest.Generator.Population.Pins;

/// <summary>
/// Czech and Slovak birth number (rodné číslo), written YYMMDD/SSSC: month +50 for women, the
/// 10-digit number divisible by 11 (births from 1954). Serials whose 9-digit remainder is 10 are
/// skipped rather than using the pre-1985 "check 0" exception.
/// </summary>
public sealed class CzSkBirthNumber(string country) : IPinFormat
{
    public string Country { get; } = country;

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var d = s.BirthDate;
        var head = PinDigits.Two(d.Year % 100) + PinDigits.Two(d.Month + (s.Female ? 50 : 0)) + PinDigits.Two(d.Day);
        while (true)
        {
            var body = head + rng.Digits(3);
            var r = (int)(long.Parse(body, CultureInfo.InvariantCulture) % 11);
            if (r != 10)
            {
                return head + "/" + body[6..] + (char)('0' + r);
            }
        }
    }

    public bool IsValid(string pin)
    {
        if (pin.Length != 11 || pin[6] != '/')
        {
            return false;
        }
        var digits = pin.Remove(6, 1);
        return PinDigits.AllDigits(digits) && long.Parse(digits, CultureInfo.InvariantCulture) % 11 == 0;
    }
}
