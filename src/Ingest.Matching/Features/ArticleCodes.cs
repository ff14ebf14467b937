namespace Ingest.Matching.Features;

/// <summary>
/// Article codes to one dotted lower-case form: "12.1", "12.2", "13.1.a", "13.1.b.i", "11.3.b", "16",
/// "87.8", "87a". A009 sends 01/02 for Art. 12(1)/12(2); other SEDs and A1s write the article.
/// </summary>
internal static class ArticleCodes
{
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
        var text = buffer[..n].Trim('.').ToString();
        if (text.StartsWith("art.", StringComparison.Ordinal))
        {
            text = text[4..];
        }
        return text == "87.a" ? "87a" : text;
    }

    public static bool IsPosting(string article) => article is "12.1" or "12.2";

    public static bool IsMultiState(string article) => article.StartsWith("13", StringComparison.Ordinal);

    public static bool IsTransitional(string article) => article.StartsWith("87", StringComparison.Ordinal);

    /// <summary>Art. 11 (civil servants, flag, flight crew…), Art. 15 (contract staff).</summary>
    public static bool IsOther(string article) => article.StartsWith("11", StringComparison.Ordinal) || article == "15";
}
