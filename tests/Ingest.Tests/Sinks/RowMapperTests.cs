using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.Tests.Sinks;

public sealed class RowMapperTests
{
    private static readonly DateOnly s_zero = new(1970, 1, 1);

    /// <summary>The reading the hand-written parser replaced: .NET's exact parse of the leading ten characters.</summary>
    private static DateOnly Reference(string? raw) =>
        raw is { Length: >= 10 }
        && DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        && d >= s_zero && d.Year < 2106
            ? d
            : s_zero;

    [Theory]
    [InlineData("2025-03-01", 2025, 3, 1)]
    [InlineData("2024-02-29T10:00:00Z", 2024, 2, 29)]
    [InlineData("2025-02-29", 1970, 1, 1)]
    [InlineData("1969-12-31", 1970, 1, 1)]
    [InlineData("2106-01-01", 1970, 1, 1)]
    [InlineData("2025-13-01", 1970, 1, 1)]
    [InlineData("2025-1-01", 1970, 1, 1)]
    [InlineData("25-01-2025", 1970, 1, 1)]
    [InlineData("", 1970, 1, 1)]
    [InlineData(null, 1970, 1, 1)]
    public void Dates_are_read_from_their_leading_iso_day_or_become_the_zero_date(string? raw, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), RowMapper.Date(raw));

    [Fact]
    public void Any_text_made_of_date_characters_reads_as_the_exact_parser_reads_it()
    {
        var chars = Gen.Elements("0123456789-T:Z x".ToCharArray());
        var near = Gen.Choose(0, 99_999).Select(n => DateOnly.FromDayNumber(700_000 + (n * 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var text = Gen.OneOf(chars.ArrayOf().Select(c => new string(c)), near, near.Select(s => s[..9] + "x"));
        Prop.ForAll(text.ToArbitrary(), raw => RowMapper.Date(raw) == Reference(raw)).QuickCheckThrowOnFailure();
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
