using System.Globalization;
using System.Text;

namespace Ingest.Normalization.Names;

/// <summary>
/// Names to a comparable form: Unicode decomposition (see <see cref="Decomposition"/>), diacritics removed, Greek and Cyrillic
/// transliterated (ICAO 9303), case folded, punctuation as separators (apostrophes dropped so that
/// O'Brien = OBrien), tokens sorted so that swapped first/last names give the same key.
/// </summary>
public static class NameNormalizer
{
    /// <summary>Folded, sorted tokens of one or more name parts (family name, forename…).</summary>
    public static NormalizedName Normalize(params ReadOnlySpan<string?> parts)
    {
        var tokens = new List<string>(4);
        var sb = new StringBuilder(32);
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                Fold(part, sb, tokens);
            }
        }
        if (tokens.Count == 0)
        {
            return NormalizedName.Empty;
        }
        tokens.Sort(StringComparer.Ordinal);
        var array = tokens.ToArray();
        return new NormalizedName(string.Join(' ', array), array);
    }

    /// <summary>The folded text of one part, tokens kept in their order (for display and tests).</summary>
    public static string FoldInOrder(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        var tokens = new List<string>(4);
        Fold(raw, new StringBuilder(raw.Length), tokens);
        return string.Join(' ', tokens);
    }

    private static void Fold(string raw, StringBuilder sb, List<string> tokens)
    {
        var text = raw;
        sb.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z')
                {
                    sb.Append((char)(c - 32));
                }
                else if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
                {
                    sb.Append(c);
                }
                else if (c is '\'' or '`')
                {
                    // O'Brien and OBrien are the same person.
                }
                else
                {
                    Flush(sb, tokens);
                }
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (c is '\u2019' or '\u02BC' or '\u2018')
            {
                continue;
            }
            var upper = Fold(c);
            if (i + 1 < text.Length && Transliteration.GreekDigraph(upper, Fold(text[i + 1])) is { } digraph)
            {
                sb.Append(digraph);
                i = SkipMarks(text, i + 1);
                continue;
            }
            if (Transliteration.TryMap(upper, out var latin))
            {
                sb.Append(latin);
            }
            else if (upper == 'ς')
            {
                sb.Append('S');
            }
            else if (char.IsLetterOrDigit(upper))
            {
                // Scripts without an ICAO table stay as they are: still comparable to themselves.
                sb.Append(upper);
            }
            else
            {
                Flush(sb, tokens);
            }
        }
        Flush(sb, tokens);
    }

    /// <summary>Upper case without diacritics (Ё → Е, Ά → Α, Ł stays Ł for the transliteration table).</summary>
    private static char Fold(char c) => char.ToUpperInvariant(Decomposition.Base(char.ToUpperInvariant(c)));

    private static int SkipMarks(string text, int index)
    {
        while (index + 1 < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[index + 1]) == UnicodeCategory.NonSpacingMark)
        {
            index++;
        }
        return index;
    }

    private static void Flush(StringBuilder sb, List<string> tokens)
    {
        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
            sb.Clear();
        }
    }
}
