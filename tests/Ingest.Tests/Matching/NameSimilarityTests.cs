using Ingest.Matching.Scoring;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Matching;

/// <summary>Which token differences still let two names pass the match gate.</summary>
public sealed class NameSimilarityTests
{
    private static double Score(string familyA, string familyB, string forename = "Andrii") =>
        NameSimilarity.Score(NameNormalizer.Normalize(familyA, forename), NameNormalizer.Normalize(familyB, forename));

    [Theory]
    [InlineData("Kravchenko", "Tkacheliinyk")] // 0.78 apart: shared letters, not a misspelling
    [InlineData("Storđević", "Stojanorković")]
    [InlineData("Shatel", "Shamar")]
    public void Another_family_name_under_the_same_forename_stays_below_the_gate(string a, string b) =>
        Assert.True(Score(a, b) < PersonComparer.NameGate, $"{Score(a, b)}");

    [Theory]
    [InlineData("Sara", "Sra")] // a deletion in a short name: 0.83
    [InlineData("Kaya", "Kyaa")] // a swap of neighbours
    [InlineData("Lima", "Lma")]
    [InlineData("Nowak", "Nowwak")]
    [InlineData("Kravchenko", "Kravhcenko")]
    public void A_family_name_one_edit_away_still_passes(string a, string b) =>
        Assert.True(Score(a, b, "Beatriz") >= PersonComparer.NameGate, $"{Score(a, b, "Beatriz")}");

    [Theory]
    [InlineData("SARA", "SRA", true)]
    [InlineData("SARA", "SARAH", true)]
    [InlineData("KAYA", "KYAA", true)]
    [InlineData("KAYA", "KAYB", true)]
    [InlineData("KAYA", "KAYA", true)]
    [InlineData("KAYA", "YAKA", false)]
    [InlineData("SARA", "SR", false)]
    [InlineData("ABCD", "ACBE", false)]
    [InlineData("KRAVCHENKO", "TKACHELIINYK", false)]
    public void One_edit_is_a_substitution_insertion_deletion_or_swap_of_neighbours(string a, string b, bool expected)
    {
        Assert.Equal(expected, NameSimilarity.WithinOneEdit(a, b));
        Assert.Equal(expected, NameSimilarity.WithinOneEdit(b, a));
    }
}
