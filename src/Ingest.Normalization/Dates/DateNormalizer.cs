namespace Ingest.Normalization.Dates;

/// <summary>
/// Dates as they come: CDM YYYY-MM-DD, ISO date-times (with time and offset, the calendar date
/// as written is kept), YYYYMMDD, DD.MM.YYYY and DD/MM/YYYY. Impossible dates are told apart
/// from shapes we do not know.
/// </summary>
public static class DateNormalizer
{
    public static ParsedDate Parse(string? raw) => raw is null ? default : Parse(raw.AsSpan());

    public static ParsedDate Parse(ReadOnlySpan<char> raw)
    {
        var s = raw.Trim();
        if (s.Length == 0)
        {
            return default;
        }
        int y, m, d;
        if (s.Length >= 10 && s[4] is '-' or '/' or '.' && s[7] == s[4] && (s.Length == 10 || s[10] is 'T' or ' ' or 'Z' or '+' or '-'))
        {
            // YYYY-MM-DD, optionally followed by a time part or an offset (xsd:date allows "2025-03-01Z").
            if (!TryNum(s[..4], out y) || !TryNum(s.Slice(5, 2), out m) || !TryNum(s.Slice(8, 2), out d))
            {
                return new ParsedDate(default, DateStatus.Unparseable);
            }
        }
        else if (s.Length == 10 && s[2] is '.' or '/' or '-' && s[5] == s[2])
        {
            if (!TryNum(s[..2], out d) || !TryNum(s.Slice(3, 2), out m) || !TryNum(s.Slice(6, 4), out y))
            {
                return new ParsedDate(default, DateStatus.Unparseable);
            }
        }
        else if (s.Length == 8 && TryNum(s, out _))
        {
            TryNum(s[..4], out y);
            TryNum(s.Slice(4, 2), out m);
            TryNum(s.Slice(6, 2), out d);
        }
        else
        {
            return new ParsedDate(default, DateStatus.Unparseable);
        }
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return new ParsedDate(default, DateStatus.Impossible);
        }
        return new ParsedDate(new DateOnly(y, m, d), DateStatus.Valid);
    }

    /// <summary>The canonical CDM form, or null when not a valid date.</summary>
    public static string? ToIso(string? raw)
    {
        var p = Parse(raw);
        // "O" is yyyy-MM-dd for a DateOnly, formatted without parsing a pattern.
        return p.IsValid ? p.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static bool TryNum(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return s.Length > 0;
    }
}
