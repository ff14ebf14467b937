namespace Ingest.Generator.Population.Pins;

/// <summary>Spanish DNI (8 digits + letter) or NIE for foreigners (X/Y/Z + 7 digits + letter, X/Y/Z counting 0/1/2); letter = "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23].</summary>
public sealed class EsDni : IPinFormat
{
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public string Country => "ES";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        if (s.BirthCountry != "ES")
        {
            string prefix, digits;
            if (s.Number > 0)
            {
                var v = HolderDigits.Spread(s.Number, 30_000_000);
                (prefix, digits) = ("XYZ"[(int)(v / 10_000_000)].ToString(), (v % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                (prefix, digits) = (rng.Pick(["X", "Y", "Z"]), rng.Digits(7));
            }
            return prefix + digits + Letter((prefix[0] - 'X') + digits);
        }
        var dni = s.Number > 0 ? HolderDigits.Spread(s.Number, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) : rng.Digits(8);
        return dni + Letter(dni);
    }

    private static char Letter(string digits) => Letters[(int)(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 23)];

    public bool IsValid(string pin)
    {
        if (pin.Length != 9)
        {
            return false;
        }
        var head = pin[0] switch
        {
            'X' => "0" + pin[1..8],
            'Y' => "1" + pin[1..8],
            'Z' => "2" + pin[1..8],
            _ => pin[..8],
        };
        return PinDigits.AllDigits(head) && Letter(head) == pin[8];
    }
}
