namespace Ingest.Matching.Features;

/// <summary>
/// Article codes to one dotted lower-case form: "12.1", "12.2", "13.1.a", "13.1.b.i", "11.3.b", "16",
/// "87.8", "87a". A009 sends 01/02 for Art. 12(1)/12(2); A003 and A010 send the two-digit codes of
/// the A001 list (ArticlesIA001Type, docs/FORMATS.md §2); A1s write the article.
/// </summary>
internal static class ArticleCodes
{
    // ArticlesIA001Type: 01 11(3)(a) … 18 13(4), 19 987/2009 Art. 14(11), 20 Art. 15.
    private static readonly string[] s_a001Codes =
    [
        "", "11.3.a", "11.3.b", "11.3.c", "11.3.d", "11.3.e", "11.4", "11.5", "12.1", "12.2",
        "13.1.a", "13.1.b.i", "13.1.b.ii", "13.1.b.iii", "13.1.b.iv", "13.2.a", "13.2.b", "13.3", "13.4", "14.11", "15",
    ];

    public static string Normalize(string? sedType, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }
        var s = raw.Trim();
        if (sedType == "A009")
        {
            if (s is "01" or "1")
            {
                return "12.1";
            }
            if (s is "02" or "2")
            {
                return "12.2";
            }
        }
        if (sedType is "A003" or "A010" && s.Length == 2 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]))
        {
            var code = (s[0] - '0') * 10 + (s[1] - '0');
            if (code >= 1 && code < s_a001Codes.Length)
            {
                return s_a001Codes[code];
            }
        }
        Span<char> buffer = stackalloc char[Math.Min(s.Length * 2, 64)];
        var n = 0;
        var lastWasSep = true;
        foreach (var c in s)
        {
            if (n >= buffer.Length - 1)
            {
                break;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Boundaries between digits and letters become dots: "13(1)(b)(i)" and "13.1.b.i" agree.
                if (n > 0 && !lastWasSep && char.IsAsciiDigit(c) != char.IsAsciiDigit(buffer[n - 1]) && !(buffer[n - 1] == 'a' && n >= 2 && buffer[n - 2] == '7'))
                {
                    buffer[n++] = '.';
                }
                buffer[n++] = char.ToLowerInvariant(c);
                lastWasSep = false;
            }
            else if (!lastWasSep)
            {
                buffer[n++] = '.';
                lastWasSep = true;
            }
        }
        ReadOnlySpan<char> text = buffer[..n].Trim('.');
        if (text.StartsWith("art."))
        {
            text = text[4..];
        }
        if (text is "87.a")
        {
            return "87a";
        }
        // The regulation's articles are a short list: one string each, not one per SED or A1 (the
        // run history and the register keep them all).
        return s_known.TryGetValue(text, out var known) ? known : text.ToString();
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_known =
        new HashSet<string>([.. s_a001Codes, "16", "16.1", "87.8", "87a", "14.1", "14.5"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsPosting(string article) => article is "12.1" or "12.2";

    public static bool IsMultiState(string article) => article.StartsWith("13", StringComparison.Ordinal);

    public static bool IsTransitional(string article) => article.StartsWith("87", StringComparison.Ordinal);

    /// <summary>Art. 11 (civil servants, flag, flight crew…), Art. 15 (contract staff).</summary>
    public static bool IsOther(string article) => article.StartsWith("11", StringComparison.Ordinal) || article == "15";
}
