namespace Ingest.Generator.Population.Pins;

/// <summary>Portuguese NIF: 9 digits, first 1–3 for individuals, check = 11 − (Σ d·(9…2) mod 11), 0 when the remainder is 0 or 1.</summary>
public sealed class PtNif : IPinFormat
{
    private static readonly int[] s_weights = [9, 8, 7, 6, 5, 4, 3, 2];

    public string Country => "PT";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var body = s.Number > 0 ? HolderDigits.Leading(s.Number, 3, 7) : (char)('1' + rng.Next(3)) + rng.Digits(7);
        return body + (char)('0' + Check(body));
    }

    private static int Check(string body)
    {
        var r = PinDigits.Weighted(body, s_weights) % 11;
        return r < 2 ? 0 : 11 - r;
    }

    public bool IsValid(string pin) => pin.Length == 9 && PinDigits.AllDigits(pin) && Check(pin) == PinDigits.At(pin, 8);
}
