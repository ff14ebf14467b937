using Ingest.Matching.Features;
using Ingest.Matching.Scoring;

namespace Ingest.Tests.Matching;

/// <summary>When the comparison of two persons without a shared PIN asks for a record of the same posting to vouch.</summary>
public sealed class PersonComparerTests
{
    private static PersonFeatures Person(string family, string forename, string birth) =>
        PersonFeatures.Create(family, forename, null, null, birth, "01", ["BA"], []);

    [Fact]
    public void A_day_and_month_swapped_under_names_only_alike_is_how_a_namesake_looks()
    {
        var score = PersonComparer.Compare(Person("Kovacevic", "Amir", "2006-08-05"), Person("Kovačević", "Amar", "2006-05-08"));
        Assert.Equal(DateAgreement.DayMonthSwapped, score.BirthDate);
        Assert.True(score.NeedsCorroboration);
    }

    [Fact]
    public void A_day_and_month_swapped_under_the_same_names_still_needs_a_record_of_the_same_posting()
    {
        var score = PersonComparer.Compare(Person("Oliveira", "Lucas", "2003-06-05"), Person("Oliveira", "Lucas", "2003-05-06"));
        Assert.Equal(DateAgreement.DayMonthSwapped, score.BirthDate);
        Assert.True(score.NeedsCorroboration);
    }

    [Fact]
    public void A_shared_pin_identifies_whatever_the_swap()
    {
        var pin = PersonFeatures.PinKeysOf("PT", "259183962");
        var score = PersonComparer.Compare(
            PersonFeatures.Create("Oliveira", "Lucas", null, null, "2003-06-05", "01", ["BR"], pin),
            PersonFeatures.Create("Oliveira", "Lucas", null, null, "2003-05-06", "01", ["BR"], pin));
        Assert.False(score.NeedsCorroboration);
        Assert.Equal(1.0, score.Score);
    }
}
