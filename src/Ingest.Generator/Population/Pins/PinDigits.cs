namespace Ingest.Generator.Population.Pins;

internal static class PinDigits
{
    public static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return s.Length > 0;
    }

    public static int At(string s, int i) => s[i] - '0';

    public static string Two(int v) => v.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public static string Yymmdd(DateOnly d) => Two(d.Year % 100) + Two(d.Month) + Two(d.Day);

    /// <summary>Sum of digit × weight.</summary>
    public static int Weighted(string digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += At(digits, i) * weights[i];
        }
        return sum;
    }
}
