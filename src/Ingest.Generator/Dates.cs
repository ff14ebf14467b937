namespace Ingest.Generator;

/// <summary>ISO dates and UTC stamps without culture-aware formatting (called several times per SED).</summary>
public static class Dates
{
    public static string Iso(DateOnly d) => string.Create(10, d, static (span, date) => Date(span, date.Year, date.Month, date.Day));

    /// <summary>yyyy-MM-ddTHH:mm:ssZ.</summary>
    public static string Stamp(DateTime t) => string.Create(20, t, static (span, time) =>
    {
        Date(span, time.Year, time.Month, time.Day);
        span[10] = 'T';
        Two(span[11..], time.Hour);
        span[13] = ':';
        Two(span[14..], time.Minute);
        span[16] = ':';
        Two(span[17..], time.Second);
        span[19] = 'Z';
    });

    /// <summary>
    /// Strict yyyy-MM-dd (what the generator writes), without the culture machinery of ParseExact
    /// (hot in the rule oracle). False for anything else, which callers hand to ParseExact.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static void Date(Span<char> span, int year, int month, int day)
    {
        Four(span, year);
        span[4] = '-';
        Two(span[5..], month);
        span[7] = '-';
        Two(span[8..], day);
    }

    private static void Four(Span<char> span, int v)
    {
        span[0] = (char)('0' + v / 1000 % 10);
        span[1] = (char)('0' + v / 100 % 10);
        span[2] = (char)('0' + v / 10 % 10);
        span[3] = (char)('0' + v % 10);
    }

    private static void Two(Span<char> span, int v)
    {
        span[0] = (char)('0' + v / 10);
        span[1] = (char)('0' + v % 10);
    }
}
