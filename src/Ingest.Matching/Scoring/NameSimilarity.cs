using Ingest.Normalization.Names;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Token-set similarity of two normalised names: every token takes its best Jaro-Winkler partner
/// on the other side, averaged over both sides weighted by token length. Token order (swapped
/// names) does not matter; an extra middle name costs a little, a misspelt token a little more.
/// Compound names written together ("DELACRUZ" / "DE LA CRUZ") are caught by comparing the
/// concatenations when the token counts differ. A token of the shorter name with no partner at all
/// (another forename: "ION" against "CONSTANTIN") keeps the score below the match gate however long
/// the shared family name is: noise misspells a token, it does not replace one.
/// </summary>
internal static class NameSimilarity
{
    /// <summary>Best partner similarity under which a token counts as having none.</summary>
    public const double UnpairedToken = 0.75;

    /// <summary>Ceiling of a name with an unpaired token: just under <see cref="PersonComparer.NameGate"/>.</summary>
    public const double UnpairedCeiling = 0.79;

    public static double Score(NormalizedName a, NormalizedName b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }
        if (string.Equals(a.Key, b.Key, StringComparison.Ordinal))
        {
            return 1;
        }
        var (tokens, worst) = Tokens(a.Tokens, b.Tokens);
        if (worst < UnpairedToken)
        {
            tokens = Math.Min(tokens, UnpairedCeiling);
        }
        // Concatenations only help when the token counts differ (a compound written together or
        // apart); with equal counts a shared forename prefix would flatter different surnames.
        if (tokens >= 0.97 || a.Tokens.Count == b.Tokens.Count)
        {
            return tokens;
        }
        Span<char> ca = stackalloc char[Math.Min(a.Key.Length, 128)];
        Span<char> cb = stackalloc char[Math.Min(b.Key.Length, 128)];
        var joined = JaroWinkler.Similarity(Concat(a.Key, ca), Concat(b.Key, cb));
        return Math.Max(tokens, joined * 0.98);
    }

    /// <summary>
    /// Each pair's Jaro-Winkler once, then the best partner per token in both directions; also the
    /// worst best-partner among the tokens of the shorter name (both names when equally long).
    /// </summary>
    private static (double Score, double Worst) Tokens(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = Math.Min(a.Count, 8);
        var m = Math.Min(b.Count, 8);
        Span<double> bestA = stackalloc double[n];
        Span<double> bestB = stackalloc double[m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var s = ReferenceEquals(a[i], b[j]) || a[i] == b[j] ? 1.0 : JaroWinkler.Similarity(a[i], b[j]);
                if (s > bestA[i])
                {
                    bestA[i] = s;
                }
                if (s > bestB[j])
                {
                    bestB[j] = s;
                }
            }
        }
        double sum = 0, weight = 0, worst = 1;
        for (var i = 0; i < n; i++)
        {
            sum += bestA[i] * a[i].Length;
            weight += a[i].Length;
            if (n <= m && bestA[i] < worst)
            {
                worst = bestA[i];
            }
        }
        for (var j = 0; j < m; j++)
        {
            sum += bestB[j] * b[j].Length;
            weight += b[j].Length;
            if (m <= n && bestB[j] < worst)
            {
                worst = bestB[j];
            }
        }
        return (weight == 0 ? 0 : sum / weight, worst);
    }

    private static ReadOnlySpan<char> Concat(string key, Span<char> buffer)
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
