namespace Ingest.Generator.Population.Pins;

/// <summary>Luhn mod 10, used by SIRET/SIREN and the Greek AMKA.</summary>
public static class Luhn
{
    public static int CheckDigit(string body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsValid(string number) =>
        number.Length > 1 && PinDigits.AllDigits(number) && CheckDigit(number[..^1]) == number[^1] - '0';
}
