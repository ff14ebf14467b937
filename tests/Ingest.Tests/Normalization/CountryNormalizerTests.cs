using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Normalization.Countries;

namespace Ingest.Tests.Normalization;

public sealed class CountryNormalizerTests
{
    private static readonly string[] s_codes = ["AT", "BE", "BG", "FR", "DE", "GR", "GB", "PL", "RO", "XK", "CH", "NO", "IS", "LI", "UA", "MA", "PT", "ES"];

    [Theory]
    [InlineData("EL", "GR")]
    [InlineData("GR", "GR")]
    [InlineData("GRC", "GR")]
    [InlineData("UK", "GB")]
    [InlineData("gbr", "GB")]
    [InlineData(" fr ", "FR")]
    [InlineData("FRA", "FR")]
    [InlineData("XK", "XK")]
    [InlineData("XKX", "XK")]
    [InlineData("DEU", "DE")]
    [InlineData("CPV", "CV")]
    [InlineData("cv", "CV")]
    [InlineData("KEN", "KE")]
    [InlineData("TW", "TW")]
    [InlineData("RKS", "XK")]
    [InlineData("ROM", "RO")]
    public void Known_codes(string raw, string expected) => Assert.Equal(expected, CountryNormalizer.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZZ")]
    [InlineData("F")]
    [InlineData("FRAN")]
    [InlineData("F1")]
    public void Unknown_codes_are_null(string? raw) => Assert.Null(CountryNormalizer.Normalize(raw));

    [Property]
    public Property Eessi_round_trip_and_idempotence() =>
        Prop.ForAll(Gen.Elements(s_codes).ToArbitrary(), code =>
            CountryNormalizer.Normalize(CountryNormalizer.ToEessi(code)) == code
            && CountryNormalizer.Normalize(code.ToLowerInvariant()) == code
            && CountryNormalizer.Normalize(CountryNormalizer.Normalize(code)) == code);

    [Fact]
    public void Coordination_starts_per_regime()
    {
        Assert.Equal(new DateOnly(2010, 5, 1), CountryNormalizer.CoordinationStart("PL"));
        Assert.Equal(new DateOnly(2012, 4, 1), CountryNormalizer.CoordinationStart("CH"));
        Assert.Equal(new DateOnly(2012, 6, 1), CountryNormalizer.CoordinationStart("NO"));
        // Croatia joined on 2013-07-01, and is an EU state from then on.
        Assert.Equal(new DateOnly(2013, 7, 1), CountryNormalizer.CoordinationStart("HR"));
        Assert.True(CountryNormalizer.IsEu("HR"));
        Assert.False(CountryNormalizer.IsEu("GB"));
        Assert.False(CountryNormalizer.IsEu("CH"));
        Assert.False(CountryNormalizer.IsCoordinated("MA"));
        Assert.True(CountryNormalizer.IsCoordinated(CountryNormalizer.Normalize("EL")));
    }
}
