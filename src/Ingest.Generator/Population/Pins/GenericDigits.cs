namespace Ingest.Generator.Population.Pins;

/// <summary>Countries whose check rule is not modelled: a plausible number of the country's length, documented as unchecked.</summary>
public sealed class GenericDigits(string country, int length) : IPinFormat
{
    public string Country { get; } = country;

    public bool HasCheck => false;

    public string Generate(PinSubject s, DetRandom rng) =>
        s.Number > 0 ? HolderDigits.Leading(s.Number, 9, length - 1) : (char)('1' + rng.Next(9)) + rng.Digits(length - 1);

    public bool IsValid(string pin) => pin.Length == length && PinDigits.AllDigits(pin);
}
