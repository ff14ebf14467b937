using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.Tests.Sinks;

public sealed class RowMapperTests
{
    [Theory]
    [InlineData("2025-03-01", 2025, 3, 1)]
    [InlineData("2024-02-29T10:00:00Z", 2024, 2, 29)]
    [InlineData("2025-03-01+02:00", 2025, 3, 1)]
    [InlineData("01.05.2025", 2025, 5, 1)]
    [InlineData("31/05/2025", 2025, 5, 31)]
    [InlineData("20250531", 2025, 5, 31)]
    [InlineData(" 2025-03-01 ", 2025, 3, 1)]
    [InlineData("2025-02-29", 1970, 1, 1)]
    [InlineData("1969-12-31", 1970, 1, 1)]
    [InlineData("2106-01-01", 1970, 1, 1)]
    [InlineData("2025-13-01", 1970, 1, 1)]
    [InlineData("2025-1-01", 1970, 1, 1)]
    [InlineData("soon", 1970, 1, 1)]
    [InlineData("", 1970, 1, 1)]
    [InlineData(null, 1970, 1, 1)]
    public void Dates_are_read_as_the_rules_read_them_or_become_the_zero_date(string? raw, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), RowMapper.Date(raw));

    [Fact]
    public void Every_date_a_clickhouse_date_holds_reads_back_in_each_format_senders_use()
    {
        var day = Gen.Choose(new DateOnly(1970, 1, 1).DayNumber, new DateOnly(2105, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);
        var format = Gen.Elements("yyyy-MM-dd", "yyyy-MM-dd'T12:30:00Z'", "dd.MM.yyyy", "dd/MM/yyyy", "yyyyMMdd");
        Prop.ForAll(day.Zip(format).ToArbitrary(), t => RowMapper.Date(t.Item1.ToString(t.Item2, CultureInfo.InvariantCulture)) == t.Item1)
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("FR:URSSAF01", "FR")]
    [InlineData("de:DRV", "DE")]
    [InlineData("Ä1:X", "Ä1")]
    [InlineData("FRA:X", "")]
    [InlineData("", "")]
    public void The_sender_country_is_the_institutions_two_letter_prefix(string institution, string country)
    {
        Assert.Equal(country, RowMapper.CountryOf(institution));
        Assert.Same(RowMapper.CountryOf("FR:A"), RowMapper.CountryOf("fr:B"));
    }
}
