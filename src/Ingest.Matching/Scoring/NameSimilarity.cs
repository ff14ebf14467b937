using Ingest.Normalization.Names;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Token-set similarity of two normalised names: every token takes its best Jaro-Winkler partner
/// on the other side, averaged over both sides weighted by token length. Token order (swapped
/// names) does not matter; an extra middle name costs a little, a misspelt token a little more.
/// Compound names written together ("DELACRUZ" / "DE LA CRUZ") are caught by comparing the
/// concatenations when the token counts differ. A token of the shorter name with no partner
/// (another forename: "ION" against "CONSTANTIN"; another family name that merely shares letters:
/// "KRAVCHENKO" against "TKACHELIINYK", 0.78) keeps the score below the match gate however long the
/// shared tokens are: noise misspells a token, it does not replace one. A partner between
/// <see cref="UnpairedToken"/> and <see cref="CloseToken"/> pairs only when it is one edit away, as a
/// misspelt short token is ("SARA" / "SRA", 0.83), or has the same consonants, as spellings of one
/// name in another alphabet have ("YOUSSEF" / "YUSUF", "MUHAMMAD" / "MOHAMED").
/// </summary>
internal static class NameSimilarity
{
    /// <summary>Best partner similarity under which a token counts as having none.</summary>
    public const double UnpairedToken = 0.75;

    /// <summary>Best partner similarity under which a token pairs only with a <see cref="Variant"/> of itself.</summary>
    public const double CloseToken = 0.85;

    /// <summary>Ceiling of a name with an unpaired token: just under <see cref="PersonComparer.NameGate"/>.</summary>
    public const double UnpairedCeiling = 0.79;

    // The normaliser keeps at most 16 tokens; scoring reads the first 8 of each side.
    private const int MaxTokens = 16;
    private const int ScoredTokens = 8;

    public static double Score(NormalizedName a, NormalizedName b) => Score(a.Key, b.Key);

    /// <summary>
    /// The same on the keys (sorted tokens joined by one space, as <see cref="NormalizedName.Key"/>),
    /// so that a name held as characters in a flat text block is compared without its objects.
    /// </summary>
    public static double Score(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        if (a.SequenceEqual(b))
        {
            return 1;
        }
        Span<Range> ta = stackalloc Range[MaxTokens];
        Span<Range> tb = stackalloc Range[MaxTokens];
        var na = Split(a, ta);
        var nb = Split(b, tb);
        var (tokens, unpaired) = Tokens(a, ta[..Math.Min(na, ScoredTokens)], b, tb[..Math.Min(nb, ScoredTokens)]);
        if (unpaired)
        {
            tokens = Math.Min(tokens, UnpairedCeiling);
        }
        // Concatenations only help when the token counts differ (a compound written together or
        // apart); with equal counts a shared forename prefix would flatter different surnames.
        if (tokens >= 0.97 || na == nb)
        {
            return tokens;
        }
        Span<char> ca = stackalloc char[Math.Min(a.Length, 128)];
        Span<char> cb = stackalloc char[Math.Min(b.Length, 128)];
        var joined = JaroWinkler.Similarity(Concat(a, ca), Concat(b, cb));
        return Math.Max(tokens, joined * 0.98);
    }

    /// <summary>
    /// True only when <see cref="Score(ReadOnlySpan{char}, ReadOnlySpan{char})"/> is surely below
    /// <paramref name="gate"/>, worked out from <see cref="JaroWinkler.UpperBound"/> of each token pair
    /// instead of their similarity: most candidates a blocking key brings share a forename and a birth
    /// date but not the family name, and are turned down at the name gate whatever their exact score.
    /// False says nothing (the score may still be below).
    /// </summary>
    public static bool SurelyBelow(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double gate)
    {
        // Rounding in the bound's arithmetic, which is not the score's, stays far inside this margin.
        const double Margin = 1e-9;
        if (a.Length == 0 || b.Length == 0)
        {
            return gate > 0;
        }
        if (a.SequenceEqual(b))
        {
            return false;
        }
        Span<Range> ta = stackalloc Range[MaxTokens];
        Span<Range> tb = stackalloc Range[MaxTokens];
        var na = Split(a, ta);
        var nb = Split(b, tb);
        var n = Math.Min(na, ScoredTokens);
        var m = Math.Min(nb, ScoredTokens);
        Span<ulong> maskB = stackalloc ulong[ScoredTokens];
        for (var j = 0; j < m; j++)
        {
            maskB[j] = JaroWinkler.CharMask(b[tb[j]]);
        }
        Span<double> bestA = stackalloc double[ScoredTokens];
        Span<double> bestB = stackalloc double[ScoredTokens];
        bestA.Clear();
        bestB.Clear();
        for (var i = 0; i < n; i++)
        {
            var x = a[ta[i]];
            var maskX = JaroWinkler.CharMask(x);
            for (var j = 0; j < m; j++)
            {
                var s = JaroWinkler.UpperBound(x, b[tb[j]], maskX, maskB[j]);
                bestA[i] = Math.Max(bestA[i], s);
                bestB[j] = Math.Max(bestB[j], s);
            }
        }
        // Capped only where no partner can reach UnpairedToken: the score caps in those cases and more.
        var (tokens, worst) = Weigh(bestA[..n], ta, bestB[..m], tb);
        if (worst < UnpairedToken - Margin)
        {
            tokens = Math.Min(tokens, UnpairedCeiling);
        }
        if (tokens >= gate - Margin)
        {
            return false;
        }
        if (na == nb)
        {
            return true;
        }
        Span<char> ca = stackalloc char[Math.Min(a.Length, 128)];
        Span<char> cb = stackalloc char[Math.Min(b.Length, 128)];
        var joinedA = Concat(a, ca);
        var joinedB = Concat(b, cb);
        return JaroWinkler.UpperBound(joinedA, joinedB, JaroWinkler.CharMask(joinedA), JaroWinkler.CharMask(joinedB)) * 0.98 < gate - Margin;
    }

    private static int Split(ReadOnlySpan<char> key, Span<Range> ranges)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == key.Length || key[i] == ' ')
            {
                if (i > start && count < ranges.Length)
                {
                    ranges[count++] = start..i;
                }
                start = i + 1;
            }
        }
        return count;
    }

    /// <summary>
    /// Each pair's Jaro-Winkler once, then the best partner per token in both directions; also whether
    /// a token of the shorter name (of both when equally long) has no partner.
    /// </summary>
    private static (double Score, bool Unpaired) Tokens(ReadOnlySpan<char> a, ReadOnlySpan<Range> ra, ReadOnlySpan<char> b, ReadOnlySpan<Range> rb)
    {
        var n = ra.Length;
        var m = rb.Length;
        Span<double> bestA = stackalloc double[ScoredTokens];
        Span<double> bestB = stackalloc double[ScoredTokens];
        Span<int> partnerA = stackalloc int[ScoredTokens];
        Span<int> partnerB = stackalloc int[ScoredTokens];
        bestA.Clear();
        bestB.Clear();
        for (var i = 0; i < n; i++)
        {
            var x = a[ra[i]];
            for (var j = 0; j < m; j++)
            {
                var s = JaroWinkler.Similarity(x, b[rb[j]]);
                if (s > bestA[i])
                {
                    (bestA[i], partnerA[i]) = (s, j);
                }
                if (s > bestB[j])
                {
                    (bestB[j], partnerB[j]) = (s, i);
                }
            }
        }
        var (score, worst) = Weigh(bestA[..n], ra, bestB[..m], rb);
        var unpaired = worst < CloseToken
            && ((n <= m && HasUnpaired(a, ra, bestA[..n], partnerA, b, rb)) || (m <= n && HasUnpaired(b, rb, bestB[..m], partnerB, a, ra)));
        return (score, unpaired);
    }

    private static bool HasUnpaired(ReadOnlySpan<char> key, ReadOnlySpan<Range> ranges, ReadOnlySpan<double> best, ReadOnlySpan<int> partner, ReadOnlySpan<char> other, ReadOnlySpan<Range> otherRanges)
    {
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i] < UnpairedToken || (best[i] < CloseToken && !Variant(key[ranges[i]], other[otherRanges[partner[i]]])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A misspelling (one edit) or another spelling (the same consonants) of a token.</summary>
    internal static bool Variant(ReadOnlySpan<char> x, ReadOnlySpan<char> y) => WithinOneEdit(x, y) || SameConsonants(x, y);

    /// <summary>
    /// Whether the consonants, each run of one letter counted once, are the same and at least two:
    /// vowels (and Y) are what transliterations of one name disagree on ("YOUSSEF" and "YUSUF" are
    /// both S-F), while a single consonant says too little.
    /// </summary>
    internal static bool SameConsonants(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        int i = 0, j = 0, shared = 0;
        while (true)
        {
            var a = NextConsonant(x, ref i);
            var b = NextConsonant(y, ref j);
            if (a != b)
            {
                return false;
            }
            if (a == '\0')
            {
                return shared >= 2;
            }
            shared++;
        }
    }

    private static char NextConsonant(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length)
        {
            var c = s[i++];
            if (c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y')
            {
                continue;
            }
            while (i < s.Length && s[i] == c)
            {
                i++;
            }
            // A run split by vowels ("MUHAMMAD": M, H, M, D) keeps both letters; only doubled ones collapse.
            return c;
        }
        return '\0';
    }

    /// <summary>Whether one substitution, insertion, deletion or swap of neighbours turns one token into the other.</summary>
    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var x = a.Length >= b.Length ? a : b;
        var y = a.Length >= b.Length ? b : a;
        if (x.Length - y.Length > 1)
        {
            return false;
        }
        var i = x.CommonPrefixLength(y);
        if (i == y.Length)
        {
            return true;
        }
        if (x.Length != y.Length)
        {
            return x[(i + 1)..].SequenceEqual(y[i..]);
        }
        return x[(i + 1)..].SequenceEqual(y[(i + 1)..])
            || (i + 1 < x.Length && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)..].SequenceEqual(y[(i + 2)..]));
    }

    /// <summary>
    /// The best partners' mean weighted by token length, and the worst best partner among the tokens
    /// of the shorter name (both names when equally long).
    /// </summary>
    private static (double Score, double Worst) Weigh(ReadOnlySpan<double> bestA, ReadOnlySpan<Range> ra, ReadOnlySpan<double> bestB, ReadOnlySpan<Range> rb)
    {
        var n = bestA.Length;
        var m = bestB.Length;
        double sum = 0, weight = 0, worst = 1;
        for (var i = 0; i < n; i++)
        {
            var length = ra[i].End.Value - ra[i].Start.Value;
            sum += bestA[i] * length;
            weight += length;
            if (n <= m && bestA[i] < worst)
            {
                worst = bestA[i];
            }
        }
        for (var j = 0; j < m; j++)
        {
            var length = rb[j].End.Value - rb[j].Start.Value;
            sum += bestB[j] * length;
            weight += length;
            if (m <= n && bestB[j] < worst)
            {
                worst = bestB[j];
            }
        }
        return (weight == 0 ? 0 : sum / weight, worst);
    }

    private static ReadOnlySpan<char> Concat(ReadOnlySpan<char> key, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in key)
        {
            if (c != ' ' && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }
        return buffer[..n];
    }
}
