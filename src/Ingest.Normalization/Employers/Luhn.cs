namespace Ingest.Normalization.Employers;

/// <summary>Luhn mod-10 check (SIREN, SIRET).</summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits) => digits.Length > 1 && Sum(digits, doubleFromRight: false) % 10 == 0;

    /// <summary>The digit to append to make the number Luhn-valid.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits) => (10 - Sum(digits, doubleFromRight: true) % 10) % 10;

    private static int Sum(ReadOnlySpan<char> digits, bool doubleFromRight)
    {
        var sum = 0;
        var dbl = doubleFromRight;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (dbl)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum;
    }
}
