using Ingest.Sinks.ClickHouse;

namespace Ingest.Tests.Sinks;

public sealed class ClickHouseOptionsTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=18123;JsonReadMode=None", false)]
    [InlineData("host = localhost ; Port=8123", false)]
    [InlineData("Host=[::1];Port=8123", false)]
    [InlineData("Host=127.5.0.9", false)]
    [InlineData("Host=clickhouse.prod.internal;Port=8443;Protocol=https", true)]
    [InlineData("Host=10.0.0.7", true)]
    [InlineData("Port=8123", true)]
    public void Inserts_are_compressed_unless_the_server_is_on_loopback(string connectionString, bool compressed) =>
        Assert.Equal(compressed, new ClickHouseOptions { ConnectionString = connectionString }.ShouldCompressInserts);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_explicit_setting_wins(bool setting) =>
        Assert.Equal(setting, new ClickHouseOptions { ConnectionString = "Host=127.0.0.1", CompressInserts = setting }.ShouldCompressInserts);

    [Theory]
    [InlineData("ingest_2026")]
    [InlineData("_scratch")]
    public void A_plain_database_name_is_accepted(string name)
    {
        using var store = new ClickHouseStore(new ClickHouseOptions { Database = name });
        Assert.Equal(name, store.Database);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("ingest-prod")]
    [InlineData("ingest; DROP DATABASE ingest")]
    [InlineData("`ingest`")]
    public void Any_other_database_name_is_refused_before_a_statement_is_written(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClickHouseStore(new ClickHouseOptions { Database = name }));
        Assert.Contains("ClickHouse:Database must be a plain identifier", e.Message, StringComparison.Ordinal);
    }
}
