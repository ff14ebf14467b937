using Ingest.Sinks.ClickHouse.QueryPack;

namespace Ingest.Tests.Sinks;

/// <summary>Parameters are inlined as literals in one pass over the query's own text (no server needed).</summary>
public class SavedQueryRenderTests
{
    private static readonly SavedQuery TwoStrings = SavedQueries.Parse("two-strings", """
        -- title: Two strings
        -- description: test query
        -- param: a String - first
        -- param: b String - second
        -- param: limit UInt 10 rows
        SELECT * FROM {db}.t WHERE x = {a} AND y = {b} LIMIT {limit}
        """);

    private static string Render(params (string Name, string Value)[] values) =>
        SavedQueries.Render(TwoStrings, "ingest", values.ToDictionary(v => v.Name, v => v.Value), new DateOnly(2026, 11, 29));

    [Fact]
    public void A_value_holding_another_parameters_placeholder_stays_as_written()
    {
        Assert.Equal(
            "SELECT * FROM ingest.t WHERE x = '{b}' AND y = '{limit}' LIMIT 5",
            Render(("a", "{b}"), ("b", "{limit}"), ("limit", "5")));
    }

    [Fact]
    public void A_quote_in_one_string_cannot_close_the_other()
    {
        // Substituted parameter after parameter, b's value would land inside a's literal.
        Assert.Equal(
            @"SELECT * FROM ingest.t WHERE x = 'p\' OR {b} --' AND y = 'q\\' LIMIT 10",
            Render(("a", "p' OR {b} --"), ("b", @"q\")));
    }

    [Fact]
    public void The_database_placeholder_in_a_value_is_not_the_database()
    {
        Assert.Contains("x = '{db}'", Render(("a", "{db}"), ("b", "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_parameter_left_out_is_named_in_the_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Render(("a", "x")));
        Assert.Contains("--param b=", e.Message, StringComparison.Ordinal);
    }
}
