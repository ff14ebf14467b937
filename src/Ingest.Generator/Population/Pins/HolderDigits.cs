using System.Globalization;

namespace Ingest.Generator.Population.Pins;

/// <summary>
/// Digits of a PIN from a holder's unique number (<see cref="PinSubject.Number"/>): an affine map
/// modulo the format's space, a bijection of [0, space), so distinct holders below the space get
/// distinct digits that still look drawn at random.
/// </summary>
internal static class HolderDigits
{
    /// <summary>
    /// Holder numbers stay below this (larger ones are not given: PINs drawn at random instead); a retry
    /// (a check digit that cannot exist) starts past all of them. The smallest space, 3 × 10⁷ (PT NIF,
    /// ES NIE), holds it.
    /// </summary>
    public const ulong RetryStride = 1UL << 24;

    public static ulong Spread(ulong number, ulong space)
    {
        var multiplier = 0x9E3779B97F4A7C15UL % space;
        while (Gcd(multiplier, space) != 1)
        {
            multiplier++;
        }
        return (ulong)(((UInt128)(number % space) * multiplier + space / 3) % space);
    }

    /// <summary>A leading digit 1–9 (or the first of <paramref name="firstDigits"/>) and <paramref name="rest"/> digits.</summary>
    public static string Leading(ulong number, int firstDigits, int rest)
    {
        var tail = Pow10(rest);
        var v = Spread(number, (ulong)firstDigits * tail);
        return (char)('1' + (int)(v / tail)) + (v % tail).ToString("D" + rest.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static ulong Pow10(int n)
    {
        var p = 1UL;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
