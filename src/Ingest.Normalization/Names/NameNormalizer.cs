using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ingest.Normalization.Names;

/// <summary>
/// Names to a comparable form: Unicode decomposition (see <see cref="Decomposition"/>), diacritics
/// removed, Greek and Cyrillic transliterated (ICAO 9303), case folded, punctuation as separators
/// (apostrophes dropped so that O'Brien = OBrien), tokens sorted so that swapped first/last names
/// give the same key. Folds into a stack buffer: the only allocations are the tokens and the key.
/// </summary>
public static class NameNormalizer
{
    private const int MaxTokens = 16;

    /// <summary>Folded, sorted tokens of one or more name parts (family name, forename…).</summary>
    public static NormalizedName Normalize(params ReadOnlySpan<string?> parts) => Normalize(parts, national: false);

    /// <summary>
    /// The same name under the romanisation the member state itself prints (Bulgarian Transliteration
    /// Act for Cyrillic, ELOT 743 for Greek), which a register holding the Latin form used; empty when
    /// the name has no Greek or Cyrillic letter or both romanisations agree.
    /// </summary>
    public static NormalizedName NormalizeNational(params ReadOnlySpan<string?> parts)
    {
        var native = false;
        foreach (var part in parts)
        {
            native |= part is not null && part.AsSpan().ContainsAnyInRange('\u0370', '\u04FF');
        }
        if (!native)
        {
            return NormalizedName.Empty;
        }
        var national = Normalize(parts, national: true);
        return national.Key == Normalize(parts, national: false).Key ? NormalizedName.Empty : national;
    }

    // The buffer is written before it is read: not zeroing it saves a kilobyte of stores a name.
    [SkipLocalsInit]
    private static NormalizedName Normalize(ReadOnlySpan<string?> parts, bool national)
    {
        var capacity = 0;
        foreach (var part in parts)
        {
            capacity += (part?.Length ?? 0) * 4 + 1;
        }
        if (capacity <= parts.Length)
        {
            return NormalizedName.Empty;
        }
        Span<char> buffer = capacity <= 512 ? stackalloc char[capacity] : new char[capacity];
        var n = 0;
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                Fold(part, buffer, ref n, national);
                n = Separate(buffer, n);
            }
        }
        return FromFolded(buffer[..n]);
    }

    /// <summary>The folded text of one part, tokens kept in their order (for display and tests).</summary>
    public static string FoldInOrder(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        Span<char> buffer = raw.Length <= 128 ? stackalloc char[raw.Length * 4] : new char[raw.Length * 4];
        var n = 0;
        Fold(raw, buffer, ref n);
        return buffer[..n].Trim(' ').ToString();
    }

    [SkipLocalsInit]
    private static NormalizedName FromFolded(ReadOnlySpan<char> folded)
    {
        Span<Range> ranges = stackalloc Range[MaxTokens];
        var count = 0;
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i == folded.Length || folded[i] == ' ')
            {
                if (start >= 0 && count < MaxTokens)
                {
                    ranges[count++] = start..i;
                }
                start = -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (count == 0)
        {
            return NormalizedName.Empty;
        }
        // Few tokens: insertion sort (ordinal, as string.CompareOrdinal) beats Array.Sort's set-up.
        for (var i = 1; i < count; i++)
        {
            var t = ranges[i];
            var j = i - 1;
            while (j >= 0 && folded[ranges[j]].SequenceCompareTo(folded[t]) > 0)
            {
                ranges[j + 1] = ranges[j];
                j--;
            }
            ranges[j + 1] = t;
        }
        var length = count - 1;
        for (var i = 0; i < count; i++)
        {
            length += ranges[i].GetOffsetAndLength(folded.Length).Length;
        }
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                key[at++] = ' ';
            }
            var token = folded[ranges[i]];
            token.CopyTo(key[at..]);
            at += token.Length;
        }
        return new NormalizedName(key.ToString());
    }

    private static int Separate(Span<char> buffer, int n)
    {
        if (n > 0 && buffer[n - 1] != ' ')
        {
            buffer[n++] = ' ';
        }
        return n;
    }

    private static void Fold(string text, Span<char> dest, ref int n, bool national = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z')
                {
                    dest[n++] = (char)(c - 32);
                }
                else if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
                {
                    dest[n++] = c;
                }
                else if (c is not ('\'' or '`'))
                {
                    // O'Brien and OBrien are the same person; other punctuation separates tokens.
                    n = Separate(dest, n);
                }
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c is '\u2019' or '\u02BC' or '\u2018' or '\u00B4' or '\u02BB' or '\u02B9' or '\u2032')
            {
                continue;
            }
            if (national && c is 'И' or 'и' && i + 1 < text.Length && text[i + 1] == '\u0306')
            {
                // Й written decomposed (И and a combining breve): the national tables know it precomposed.
                c = 'Й';
                i++;
            }
            if (national && c is 'Я' or 'я' && i > 0 && text[i - 1] is 'И' or 'и' && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
            {
                // Bulgarian transliteration (2009 act): -ия at the end of a word is IA (Мария → MARIA).
                dest[n++] = 'A';
                continue;
            }
            if (national && Transliteration.TryMapNational(char.ToUpperInvariant(c), out var romanised))
            {
                romanised.AsSpan().CopyTo(dest[n..]);
                n += romanised.Length;
                continue;
            }
            var upper = FoldChar(c);
            // A diaeresis on the second vowel (Ταϋγέτη) says the two are read apart: no digraph.
            if (i + 1 < text.Length && !HasDiaeresis(text, i + 1) && Transliteration.GreekDigraph(upper, FoldChar(text[i + 1]), national, national ? LetterAfter(text, i + 1) : 'Α') is { } digraph)
            {
                digraph.AsSpan().CopyTo(dest[n..]);
                n += digraph.Length;
                i = SkipMarks(text, i + 1);
                continue;
            }
            if (Transliteration.TryMap(upper, out var latin))
            {
                latin.AsSpan().CopyTo(dest[n..]);
                n += latin.Length;
            }
            else if (upper < 128 && char.IsAsciiLetterOrDigit(upper))
            {
                dest[n++] = upper;
            }
            else if (char.IsLetterOrDigit(upper))
            {
                // Scripts without an ICAO table stay as they are: still comparable to themselves.
                dest[n++] = upper;
            }
            else
            {
                n = Separate(dest, n);
            }
        }
    }

    /// <summary>The folded letter after the one at <paramref name="index"/> (marks skipped), '\0' when the word ends there.</summary>
    private static char LetterAfter(string text, int index)
    {
        var after = SkipMarks(text, index) + 1;
        return after < text.Length && char.IsLetter(text[after]) ? FoldChar(text[after]) : '\0';
    }

    /// <summary>Whether the letter at <paramref name="index"/> bears a diaeresis, precomposed (ϋ, ΰ, Ϋ, ῢ…) or as a following combining mark.</summary>
    private static bool HasDiaeresis(string text, int index) =>
        text[index] is '\u03CB' or '\u03AB' or '\u03B0' or '\u03CA' or '\u03AA' or '\u0390' or '\u1FE2' or '\u1FE3' or '\u1FE7' or '\u1FD2' or '\u1FD3' or '\u1FD7'
        || (index + 1 < text.Length && text[index + 1] == '\u0308');

    /// <summary>Upper case without diacritics (Ё → Е, Ά → Α, Ł stays Ł for the transliteration table).</summary>
    private static char FoldChar(char c) => char.ToUpperInvariant(Decomposition.Base(char.ToUpperInvariant(c)));

    private static int SkipMarks(string text, int index)
    {
        while (index + 1 < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[index + 1]) == UnicodeCategory.NonSpacingMark)
        {
            index++;
        }
        return index;
    }
}
