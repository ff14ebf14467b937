namespace Ingest.Generator.Population.Pins;

/// <summary>Greek AMKA: DDMMYY, four serial digits, Luhn check digit over the eleven.</summary>
public sealed class ElAmka : IPinFormat
{
    public string Country => "EL";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var d = s.BirthDate;
        var body = PinDigits.Two(d.Day) + PinDigits.Two(d.Month) + PinDigits.Two(d.Year % 100) + rng.Digits(4);
        return body + (char)('0' + Luhn.CheckDigit(body));
    }

    public bool IsValid(string pin) => pin.Length == 11 && PinDigits.AllDigits(pin) && Luhn.IsValid(pin);
}
