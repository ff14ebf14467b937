namespace Ingest.Generator.Population.Pins;

/// <summary>Dutch BSN: 9 digits passing the "elfproef": 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).</summary>
public sealed class NlBsn : IPinFormat
{
    private static readonly int[] s_weights = [9, 8, 7, 6, 5, 4, 3, 2];

    public string Country => "NL";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        for (var attempt = 0UL; ; attempt++)
        {
            // Each retry maps numbers past every holder's, so the bodies stay distinct (9 × 10⁷ of them).
            var body = s.Number > 0 && attempt < 5 ? HolderDigits.Leading(s.Number + attempt * HolderDigits.RetryStride, 9, 7) : (char)('1' + rng.Next(9)) + rng.Digits(7);
            var last = PinDigits.Weighted(body, s_weights) % 11;
            if (last < 10)
            {
                return body + (char)('0' + last);
            }
        }
    }

    public bool IsValid(string pin) =>
        pin.Length == 9 && PinDigits.AllDigits(pin) && (PinDigits.Weighted(pin, s_weights) - PinDigits.At(pin, 8)) % 11 == 0;
}
