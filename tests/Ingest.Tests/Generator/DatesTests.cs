using System.Globalization;
using FsCheck.Xunit;
using Ingest.Generator;

namespace Ingest.Tests.Generator;

public sealed class DatesTests
{
    [Property(MaxTest = 500)]
    public bool Iso_and_stamp_match_the_framework_formatting(int days, int seconds)
    {
        var d = new DateOnly(1900, 1, 1).AddDays(Math.Abs(days % 80_000));
        var t = d.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Abs(seconds % 86_400));
        return Dates.Iso(d) == d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            && Dates.Stamp(t) == t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    [Property(MaxTest = 500)]
    public bool Iso_parsing_agrees_with_ParseExact(int days, byte noise, byte at)
    {
        var text = Dates.Iso(new DateOnly(1, 1, 1).AddDays(Math.Abs(days % 3_652_000))).ToCharArray();
        // Some inputs get one character replaced (a letter, a digit, a separator) to cover the rejections.
        if (noise % 3 == 0)
        {
            text[at % 10] = "0195-T/x"[noise % 8];
        }
        var fast = Dates.TryParseIso(text, out var a);
        var framework = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b);
        return fast ? framework && a == b : !framework || !IsStrict(text);
    }

    private static bool IsStrict(char[] s) => s[4] == '-' && s[7] == '-' && s.Where((c, i) => i is not 4 and not 7).All(char.IsAsciiDigit);
}
