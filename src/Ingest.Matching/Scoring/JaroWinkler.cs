using System.Runtime.CompilerServices;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), allocation-free for names up to 128
/// characters (longer ones are cut there).
/// </summary>
internal static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Settled(ref a, ref b, out var settled))
        {
            return settled;
        }
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var (matches, transpositions) = Count(a, b, window);
        if (matches == 0)
        {
            return 0;
        }
        double m = matches;
        return Winkler((m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0, a, b);
    }

    /// <summary>
    /// The cases decided before any matching (equal texts, an empty one), with both texts cut to 128
    /// characters otherwise.
    /// </summary>
    private static bool Settled(ref ReadOnlySpan<char> a, ref ReadOnlySpan<char> b, out double value)
    {
        value = 0;
        if (a.SequenceEqual(b))
        {
            value = a.Length == 0 ? 0 : 1;
            return true;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return true;
        }
        if (a.Length > 128 || b.Length > 128)
        {
            a = a[..Math.Min(a.Length, 128)];
            b = b[..Math.Min(b.Length, 128)];
        }
        return false;
    }

    /// <summary>Jaro raised by the common prefix (up to 4 characters).</summary>
    private static double Winkler(double jaro, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>
    /// A value <see cref="Similarity"/> never exceeds, from the characters each side shares with the
    /// other (<paramref name="aMask"/> and <paramref name="bMask"/>: <see cref="CharMask"/> of each) and
    /// the common prefix: every match pairs a character with an equal one, so the matches are at most
    /// the characters of either side present in the other, and Jaro grows with the matches.
    /// </summary>
    public static double UpperBound(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ulong aMask, ulong bMask)
    {
        if (Settled(ref a, ref b, out var settled))
        {
            return settled;
        }
        var matches = Math.Min(Present(a, bMask), Present(b, aMask));
        if (matches == 0)
        {
            return 0;
        }
        double m = matches;
        return Winkler((m / a.Length + m / b.Length + 1.0) / 3.0, a, b);
    }

    /// <summary>
    /// One bit per character of the first 128 (digits and capitals, as normalised names are); all bits
    /// when another character occurs, so that a bound built on it stays a bound.
    /// </summary>
    public static ulong CharMask(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text[..Math.Min(text.Length, 128)])
        {
            var slot = (uint)(c - '0');
            if (slot >= Alphabet)
            {
                return ulong.MaxValue;
            }
            mask |= 1UL << (int)slot;
        }
        return mask;
    }

    /// <summary>Characters of <paramref name="text"/> that the mask may hold (any outside the alphabet may).</summary>
    private static int Present(ReadOnlySpan<char> text, ulong mask)
    {
        var n = 0;
        foreach (var c in text)
        {
            var slot = (uint)(c - '0');
            n += slot >= Alphabet ? 1 : (int)((mask >> (int)slot) & 1);
        }
        return n;
    }

    /// <summary>Matched characters within the window, and the matched pairs that differ in order.</summary>
    private static (int Matches, int Transpositions) Count(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int window)
    {
        // Matched flags as bits (up to 128 characters a side): no clearing, no bool spans.
        Span<ulong> aMatched = stackalloc ulong[2];
        Span<ulong> bMatched = stackalloc ulong[2];
        aMatched.Clear();
        bMatched.Clear();
        var matches = a.Length <= 64 && b.Length <= 64 ? MatchShort(a, b, window, out aMatched[0], out bMatched[0]) : -1;
        if (matches < 0)
        {
            matches = MatchScan(a, b, window, aMatched, bMatched);
        }
        if (matches == 0)
        {
            return (0, 0);
        }
        // The matched characters of both sides in order: each pair that differs is one half-transposition.
        var transpositions = 0;
        int wa = 0, wb = 0;
        ulong ma = aMatched[0], mb = bMatched[0];
        for (var left = matches; left > 0; left--)
        {
            while (ma == 0)
            {
                ma = aMatched[++wa];
            }
            while (mb == 0)
            {
                mb = bMatched[++wb];
            }
            var i = (wa << 6) + System.Numerics.BitOperations.TrailingZeroCount(ma);
            var k = (wb << 6) + System.Numerics.BitOperations.TrailingZeroCount(mb);
            if (a[i] != b[k])
            {
                transpositions++;
            }
            ma &= ma - 1;
            mb &= mb - 1;
        }
        return (matches, transpositions);
    }

    /// <summary>
    /// The matching pass for tokens of up to 64 characters: each character of <paramref name="b"/>
    /// (digits and capitals, as normalised names are) sets its position bit in a table, so the first
    /// free position of a character within the window is one mask and its lowest bit. -1 when
    /// <paramref name="b"/> holds another character.
    /// </summary>
    [SkipLocalsInit]
    private static int MatchShort(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int window, out ulong aMatched, out ulong bMatched)
    {
        aMatched = 0;
        bMatched = 0;
        // Not cleared as a whole (SkipLocalsInit): only the entries of a's and b's characters are read.
        Span<ulong> positions = stackalloc ulong[Alphabet];
        foreach (var c in a)
        {
            if ((uint)(c - '0') < Alphabet)
            {
                positions[c - '0'] = 0;
            }
        }
        foreach (var c in b)
        {
            var slot = c - '0';
            if ((uint)slot >= Alphabet)
            {
                return -1;
            }
            positions[slot] = 0;
        }
        for (var j = 0; j < b.Length; j++)
        {
            positions[b[j] - '0'] |= 1UL << j;
        }
        var matches = 0;
        ulong used = 0;
        ulong matchedA = 0;
        var last = b.Length - 1;
        for (var i = 0; i < a.Length; i++)
        {
            var slot = a[i] - '0';
            if ((uint)slot >= Alphabet)
            {
                continue;
            }
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(last, i + window);
            if (lo > hi)
            {
                continue;
            }
            // Bits lo..hi; hi may be 63, where 2 << 63 wraps to 0 and the subtraction gives all ones.
            var range = ((2UL << hi) - 1) & ~((1UL << lo) - 1);
            var free = positions[slot] & range & ~used;
            if (free != 0)
            {
                used |= free & (~free + 1);
                matchedA |= 1UL << i;
                matches++;
            }
        }
        aMatched = matchedA;
        bMatched = used;
        return matches;
    }

    private const int Alphabet = 'Z' - '0' + 1;

    private static int MatchScan(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int window, Span<ulong> aMatched, Span<ulong> bMatched)
    {
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            var c = a[i];
            for (var j = lo; j <= hi; j++)
            {
                if ((bMatched[j >> 6] & (1UL << j)) == 0 && c == b[j])
                {
                    aMatched[i >> 6] |= 1UL << i;
                    bMatched[j >> 6] |= 1UL << j;
                    matches++;
                    break;
                }
            }
        }
        return matches;
    }
}
