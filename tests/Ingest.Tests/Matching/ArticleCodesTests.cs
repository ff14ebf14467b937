using Ingest.Matching.Features;

namespace Ingest.Tests.Matching;

public sealed class ArticleCodesTests
{
    [Theory]
    [InlineData("A009", "01", "12.1")]
    [InlineData("A009", "2", "12.2")]
    [InlineData("A003", "10", "13.1.a")]
    [InlineData("A012", "Art. 13(1)(b)(i)", "13.1.b.i")]
    [InlineData(null, "13.1.B.I", "13.1.b.i")]
    [InlineData(null, "art 16", "16")]
    [InlineData(null, "87(8)", "87.8")]
    [InlineData(null, "87a", "87a")]
    [InlineData(null, "87 a", "87a")]
    [InlineData(null, "  ", "")]
    public void Writes_one_dotted_lower_case_form(string? sedType, string raw, string expected) =>
        Assert.Equal(expected, ArticleCodes.Normalize(sedType, raw));

    /// <summary>The register and the run history keep one string an article, whatever spelling it came in.</summary>
    [Fact]
    public void A_known_article_is_one_string_whatever_its_spelling() =>
        Assert.Same(ArticleCodes.Normalize("A003", "10"), ArticleCodes.Normalize(null, "Art. 13(1)(a)"));

    [Fact]
    public void An_unknown_article_is_kept_in_its_normal_form() =>
        Assert.Equal("99.9.z", ArticleCodes.Normalize(null, "Art. 99(9)(Z)"));
}
