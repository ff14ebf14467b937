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

    /// <summary>The two-digit number at <paramref name="i"/>.</summary>
    public static int Two(ReadOnlySpan<char> s, int i) => (s[i] - '0') * 10 + (s[i + 1] - '0');

    /// <summary>
    /// Whether the YYMMDD at the start of <paramref name="s"/> is a day that exists, its month carrying a
    /// century offset of 20s that <paramref name="centuryOf"/> reads from the written month (0: none such).
    /// </summary>
    public static bool HasBirthDate(ReadOnlySpan<char> s, Func<int, int> centuryOf)
    {
        var month = Two(s, 2);
        var century = centuryOf(month);
        return century > 0 && IsDate(century + Two(s, 0), month % 20, Two(s, 4));
    }

    /// <summary>Whether the day exists (a birth date encoded in a PIN must).</summary>
    public static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

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
