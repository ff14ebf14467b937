using Ingest.Normalization.Names;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Token-set similarity of two normalised names: every token takes its best Jaro-Winkler partner
/// on the other side, averaged over both sides weighted by token length. Token order (swapped
/// names) does not matter; an extra middle name costs a little, a misspelt token a little more.
/// Compound names written together ("DELACRUZ" / "DE LA CRUZ") are caught by comparing the
/// concatenations when the token counts differ.
/// </summary>
internal static class NameSimilarity
{
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
        var tokens = Tokens(a.Tokens, b.Tokens);
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

    /// <summary>Each pair's Jaro-Winkler once, then the best partner per token in both directions.</summary>
    private static double Tokens(IReadOnlyList<string> a, IReadOnlyList<string> b)
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
        double sum = 0, weight = 0;
        for (var i = 0; i < n; i++)
        {
            sum += bestA[i] * a[i].Length;
            weight += a[i].Length;
        }
        for (var j = 0; j < m; j++)
        {
            sum += bestB[j] * b[j].Length;
            weight += b[j].Length;
        }
        return weight == 0 ? 0 : sum / weight;
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
