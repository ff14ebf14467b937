namespace Ingest.Generator;

/// <summary>
/// xoshiro256** seeded through SplitMix64: tiny, fast and identical on every runtime, so a seed
/// reproduces the same corpus byte for byte (System.Random's algorithm is not a contract).
/// </summary>
public sealed class DetRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DetRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one stream of a seed, e.g. one dossier, independent of the others.</summary>
    public static DetRandom For(ulong seed, ulong stream, ulong index)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL);
        x = SplitMix(ref x) ^ index;
        return new DetRandom(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)maxExclusive);

    /// <summary>Uniform in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => p > 0 && NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public char Digit() => (char)('0' + Next(10));

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[rng.Next(16)];
            }
        });
    }

    public string Digits(int length) => string.Create(length, this, static (span, rng) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = rng.Digit();
        }
    });

    /// <summary>Index drawn by weight.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
