using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Normalization.Dates;

namespace Ingest.Tests.Normalization;

public sealed class DateNormalizerTests
{
    private static Gen<DateOnly> Dates() => Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    [Property(MaxTest = 300)]
    public Property Every_supported_shape_gives_the_same_date() =>
        Prop.ForAll(Dates().ToArbitrary(), d =>
        {
            string[] shapes =
            [
                d.ToString("yyyy-MM-dd"), d.ToString("yyyy-MM-dd") + "T09:12:44Z", d.ToString("yyyy-MM-dd") + "T23:59:59+02:00",
                d.ToString("yyyyMMdd"), d.ToString("dd.MM.yyyy"), d.ToString("dd/MM/yyyy"), " " + d.ToString("yyyy-MM-dd") + " ",
            ];
            return shapes.All(s => DateNormalizer.Parse(s) == new ParsedDate(d, DateStatus.Valid));
        });

    [Property(MaxTest = 200)]
    public Property Iso_output_is_a_fixed_point() =>
        Prop.ForAll(Dates().ToArbitrary(), d =>
        {
            var iso = DateNormalizer.ToIso(d.ToString("dd.MM.yyyy"));
            return iso is not null && DateNormalizer.ToIso(iso) == iso;
        });

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(999, 12, 31)]
    [InlineData(1985, 2, 3)]
    [InlineData(2024, 12, 31)]
    [InlineData(9999, 12, 31)]
    public void Iso_output_is_four_digit_year_month_day(int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateNormalizer.ToIso($"{y:D4}-{m:D2}-{d:D2}"));

    [Theory]
    [InlineData("2023-02-30", DateStatus.Impossible)]
    [InlineData("2023-13-01", DateStatus.Impossible)]
    [InlineData("2024-02-29", DateStatus.Valid)]
    [InlineData("2023-02-29", DateStatus.Impossible)]
    [InlineData("0000-01-01", DateStatus.Impossible)]
    [InlineData("yesterday", DateStatus.Unparseable)]
    [InlineData("2023-1-1", DateStatus.Unparseable)]
    [InlineData("", DateStatus.Empty)]
    [InlineData(null, DateStatus.Empty)]
    public void Statuses(string? raw, DateStatus expected) => Assert.Equal(expected, DateNormalizer.Parse(raw).Status);

    [Fact]
    public void Periods()
    {
        var a = Period.From("2024-01-01", "2024-12-31")!.Value;
        var open = Period.From("2024-06-01", null)!.Value;
        Assert.True(a.Overlaps(open));
        Assert.True(open.IsOpen);
        Assert.Equal(214, a.OverlapDays(open));
        Assert.Equal(12, a.Months);
        Assert.True(Period.From("2024-05-01", "2024-04-01")!.Value.IsInverted);
        Assert.Null(Period.From("2024-02-30", "2024-04-01"));
        Assert.False(a.Overlaps(Period.From("2025-01-01", "2025-02-01")!.Value));
        Assert.Equal(24, Period.From("2022-01-15", "2024-01-14")!.Value.Months);
    }

    [Fact]
    public void An_end_written_but_not_a_date_gives_no_period_and_the_year_9999_an_open_one()
    {
        // Read as open, 2023-02-29 would make the period overlap everything after it.
        Assert.Null(Period.From("2023-01-01", "2023-02-29"));
        Assert.Null(Period.From("2023-01-01", "soon"));
        var placeholder = Period.From("2020-01-01", "9999-12-31")!.Value;
        Assert.True(placeholder.IsOpen);
        Assert.Equal(int.MaxValue, placeholder.Days);
        Assert.True(Period.From("2020-01-01", "")!.Value.IsOpen);
    }

    [Fact]
    public void An_inverted_period_is_repaired_to_its_start_day()
    {
        var inverted = Period.From("2024-05-01", "2024-04-01")!.Value;
        Assert.Equal(new Period(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1)), inverted.Repaired);
        var fine = Period.From("2024-05-01", "2024-06-01")!.Value;
        Assert.Equal(fine, fine.Repaired);
        var open = Period.From("2024-05-01", null)!.Value;
        Assert.Equal(open, open.Repaired);
    }
}
