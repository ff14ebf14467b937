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
        var score = PersonComparer.Compare(Person("Kovacevic", "Amir", "2006-08-05"), Person("Kovačević", "Mirza", "2006-05-08"));
        Assert.Equal(DateAgreement.DayMonthSwapped, score.BirthDate);
        Assert.True(score.NeedsCorroboration);
    }

    [Fact]
    public void A_day_and_month_swapped_under_the_same_names_is_a_slip()
    {
        var score = PersonComparer.Compare(Person("Kovacevic", "Mirza", "2006-08-05"), Person("Kovačević", "Mirza", "2006-05-08"));
        Assert.Equal(DateAgreement.DayMonthSwapped, score.BirthDate);
        Assert.False(score.NeedsCorroboration);
    }
}
