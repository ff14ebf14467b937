using Ingest.Generator.Population.Pins;

namespace Ingest.Generator.Population;

/// <summary>French SIRET: SIREN (9 digits, Luhn) + establishment number (5 digits), the 14 digits Luhn-valid too.</summary>
public static class Siret
{
    public static string Generate(DetRandom rng)
    {
        var sirenBody = (char)('1' + rng.Next(9)) + rng.Digits(7);
        var siren = sirenBody + (char)('0' + Luhn.CheckDigit(sirenBody));
        var nicBody = "0" + rng.Digits(3);
        return siren + nicBody + (char)('0' + Luhn.CheckDigit(siren + nicBody));
    }

    public static bool IsValid(string siret) => siret.Length == 14 && Luhn.IsValid(siret) && Luhn.IsValid(siret[..9]);
}
