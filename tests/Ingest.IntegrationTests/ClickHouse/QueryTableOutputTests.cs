using Ingest.Cli.Hosting;

namespace Ingest.IntegrationTests.ClickHouse;

/// <summary>The table format undoes ClickHouse's TSV escapes in one pass (no server needed).</summary>
public class QueryTableOutputTests
{
    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"it\'s", "it's")]
    [InlineData(@"C:\\new", @"C:\new")]        // a backslash followed by "n", not a line break
    [InlineData(@"a\\\\tb", @"a\\tb")]
    [InlineData(@"line\nbreak\ttab", "line break tab")]
    [InlineData(@"ends\", @"ends\")]
    public void A_cell_is_unescaped_once(string tsv, string shown) => Assert.Equal(shown, QueryOutput.Unescape(tsv));

    [Fact]
    public void A_table_shows_each_cell_unescaped_and_counts_the_rows()
    {
        var table = QueryOutput.Table("name\tpath\nx\tC:\\\\new\n");
        Assert.Contains(@"C:\new", table, StringComparison.Ordinal);
        Assert.EndsWith("(1 row)\n", table, StringComparison.Ordinal);
    }
}
