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
}
