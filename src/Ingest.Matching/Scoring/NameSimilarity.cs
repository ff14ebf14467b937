using Ingest.Normalization.Names;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Token-set similarity of two normalised names: every token takes its best Jaro-Winkler partner
/// on the other side, averaged over both sides weighted by token length. Token order (swapped
/// names) does not matter; an extra middle name costs a little, a misspelt token a little more.
/// Compound names written together ("DELACRUZ" / "DE LA CRUZ") are caught by comparing the
/// concatenations as well.
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
        var ab = Directed(a.Tokens, b.Tokens, out var aw);
        var ba = Directed(b.Tokens, a.Tokens, out var bw);
        var tokens = (ab + ba) / (aw + bw);
        if (tokens >= 0.97 || (a.Tokens.Count == 1 && b.Tokens.Count == 1))
        {
            return tokens;
        }
        Span<char> ca = stackalloc char[Math.Min(a.Key.Length, 128)];
        Span<char> cb = stackalloc char[Math.Min(b.Key.Length, 128)];
        var joined = JaroWinkler.Similarity(Concat(a.Key, ca), Concat(b.Key, cb));
        return Math.Max(tokens, joined * 0.98);
    }

    private static double Directed(IReadOnlyList<string> from, IReadOnlyList<string> to, out double weight)
    {
        double sum = 0;
        weight = 0;
        foreach (var t in from)
        {
            var best = 0.0;
            foreach (var u in to)
            {
                var s = JaroWinkler.Similarity(t, u);
                if (s > best)
                {
                    best = s;
                    if (s == 1)
                    {
                        break;
                    }
                }
            }
            sum += best * t.Length;
            weight += t.Length;
        }
        return sum;
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
