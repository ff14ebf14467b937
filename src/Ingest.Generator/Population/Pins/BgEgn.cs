namespace Ingest.Generator.Population.Pins;

/// <summary>Bulgarian EGN: YYMMDD (month +40 for 2000s, +20 for 1800s), 3 digits whose last is even for men, check = Σ d·(2 4 8 5 10 9 7 3 6) mod 11, 10 → 0.</summary>
public sealed class BgEgn : IPinFormat
{
    private static readonly int[] s_weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];

    public string Country => "BG";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var d = s.BirthDate;
        var month = d.Month + (d.Year >= 2000 ? 40 : d.Year < 1900 ? 20 : 0);
        var sexDigit = rng.Next(5) * 2 + (s.Female ? 1 : 0);
        var body = PinDigits.Two(d.Year % 100) + PinDigits.Two(month) + PinDigits.Two(d.Day) + rng.Digits(2) + (char)('0' + sexDigit);
        return body + (char)('0' + Check(body));
    }

    private static int Check(string body)
    {
        var r = PinDigits.Weighted(body, s_weights) % 11;
        return r == 10 ? 0 : r;
    }

    public bool IsValid(string pin) => pin.Length == 10 && PinDigits.AllDigits(pin) && Check(pin) == PinDigits.At(pin, 9);
}
