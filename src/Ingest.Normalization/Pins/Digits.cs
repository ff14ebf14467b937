namespace Ingest.Normalization.Pins;

internal static class Digits
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

    public static int At(ReadOnlySpan<char> s, int i) => s[i] - '0';

    /// <summary>Σ digit·weight over the first weights.Length digits.</summary>
    public static int Weighted(ReadOnlySpan<char> s, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (s[i] - '0') * weights[i];
        }
        return sum;
    }

    /// <summary>The number a digit string spells, modulo m (no overflow for any length).</summary>
    public static int Mod(ReadOnlySpan<char> s, int m)
    {
        var r = 0;
        foreach (var c in s)
        {
            r = (r * 10 + (c - '0')) % m;
        }
        return r;
    }
}
