namespace Ingest.Generator.Population.Pins;

/// <summary>Polish PESEL: YYMMDD (month +20 for 2000–2099, +80 for 1800s), 4-digit serial whose last digit is even for women, check = (10 − Σ w·d mod 10) mod 10 with weights 1 3 7 9.</summary>
public sealed class PlPesel : IPinFormat
{
    private static readonly int[] s_weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public string Country => "PL";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var d = s.BirthDate;
        var month = d.Month + (d.Year >= 2000 ? 20 : d.Year < 1900 ? 80 : 0);
        var sexDigit = rng.Next(5) * 2 + (s.Female ? 0 : 1);
        var body = PinDigits.Two(d.Year % 100) + PinDigits.Two(month) + PinDigits.Two(d.Day) + rng.Digits(3) + (char)('0' + sexDigit);
        return body + (char)('0' + Check(body));
    }

    private static int Check(string body) => (10 - PinDigits.Weighted(body, s_weights) % 10) % 10;

    public bool IsValid(string pin) => pin.Length == 11 && PinDigits.AllDigits(pin) && Check(pin) == PinDigits.At(pin, 10);
}
