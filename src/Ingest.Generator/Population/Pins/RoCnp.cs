namespace Ingest.Generator.Population.Pins;

/// <summary>Romanian CNP: S YYMMDD JJ NNN C; S 1/2 (1900s) or 5/6 (2000s); county 01–46, 51, 52; check = Σ d·"279146358279" mod 11, 10 → 1.</summary>
public sealed class RoCnp : IPinFormat
{
    private static readonly int[] s_weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];

    public string Country => "RO";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var sex = (s.BirthDate.Year >= 2000 ? 5 : 1) + (s.Female ? 1 : 0);
        var county = rng.Chance(0.05) ? 51 + rng.Next(2) : rng.Next(1, 47);
        var body = (char)('0' + sex) + PinDigits.Yymmdd(s.BirthDate) + PinDigits.Two(county) + rng.Next(1, 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return body + (char)('0' + Check(body));
    }

    private static int Check(string body)
    {
        var r = PinDigits.Weighted(body, s_weights) % 11;
        return r == 10 ? 1 : r;
    }

    public bool IsValid(string pin) => pin.Length == 13 && PinDigits.AllDigits(pin) && Check(pin) == PinDigits.At(pin, 12);
}
