using Ingest.IntegrationTests.Infrastructure;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.IntegrationTests.ClickHouse;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrates_an_empty_server_and_records_every_version()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new Migrator(db.Store);

        var applied = await migrator.MigrateAsync(CancellationToken.None);

        var expected = Migrator.Embedded().Select(m => m.Version).ToArray();
        Assert.Equal(expected, applied);
        Assert.Equal(expected.ToHashSet(), await migrator.AppliedAsync(CancellationToken.None));
        var tables = await db.Store.QueryTextAsync($"SELECT name FROM system.tables WHERE database = '{db.Name}' ORDER BY name FORMAT TSV", CancellationToken.None);
        foreach (var table in new[] { "anomalies", "match_results", "quarantine", "runs", "schema_migrations", "sed_documents" })
        {
            Assert.Contains(table, tables.Split('\n'));
        }
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_from_the_previous_version_applies_the_rest()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new Migrator(db.Store);
        var all = Migrator.Embedded().Select(m => m.Version).ToArray();
        var previous = all.Length > 1 ? all[^2] : all[0];

        var first = await migrator.MigrateAsync(CancellationToken.None, upTo: previous);
        var rest = await migrator.MigrateAsync(CancellationToken.None);
        var again = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(all, first.Concat(rest).ToArray());
        Assert.Empty(again);
    }

    [Fact]
    public async Task Renders_low_cardinality_only_where_the_server_has_it()
    {
        await using var db = await TempDatabase.CreateAsync();
        var rendered = new Migrator(db.Store).Render("x {lc}");
        Assert.Equal(db.Store.Version.HasLowCardinality ? "x LowCardinality(String)" : "x String", rendered);
    }
}
