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
    public async Task Yearly_partitions_keep_the_rows_written_before_and_survive_a_rerun_after_an_interruption()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new Migrator(db.Store);
        await migrator.MigrateAsync(CancellationToken.None, upTo: 3);
        foreach (var (document, received) in new[] { ("d1", "2024-01-15 10:00:00"), ("d2", "2024-07-01 08:00:00"), ("d3", "2025-03-02 09:30:00") })
        {
            await db.Store.ExecuteAsync(
                $"INSERT INTO {db.Name}.sed_documents (case_id, document_id, version, received_at, ingested_at) VALUES ('c', '{document}', 1, '{received}', now())",
                CancellationToken.None);
            await db.Store.ExecuteAsync(
                $"INSERT INTO {db.Name}.anomalies (rule_id, case_id, document_id, version, received_at, evaluated_at) VALUES ('POST-01', 'c', '{document}', 1, '{received}', now())",
                CancellationToken.None);
        }

        Assert.Equal([4], await migrator.MigrateAsync(CancellationToken.None, upTo: 4));
        Assert.Equal("3", await Scalar(db, "SELECT count() FROM {db}.sed_documents FINAL"));
        Assert.Equal("3", await Scalar(db, "SELECT count() FROM {db}.anomalies FINAL"));
        Assert.Equal("2024,2025", await Scalar(db, "SELECT arrayStringConcat(groupUniqArray(partition), ',') FROM (SELECT partition FROM system.parts WHERE database = '{db}' AND table = 'sed_documents' AND active ORDER BY partition)"));

        // A re-run of every statement of 0004 (as after a crash between the rename and the drop) loses nothing and leaves no copy behind.
        var sql = Migrator.Embedded().Single(m => m.Version == 4).Sql;
        foreach (var statement in Migrator.Statements(migrator.Render(sql)))
        {
            try
            {
                await db.Store.ExecuteAsync(statement, CancellationToken.None);
            }
            catch (global::ClickHouse.Driver.ClickHouseServerException e) when (RetryableServerCodes.CodeOf(e.Message) == 57)
            {
            }
        }
        Assert.Equal("3", await Scalar(db, "SELECT count() FROM {db}.sed_documents FINAL"));
        Assert.Equal("0", await Scalar(db, "SELECT count() FROM system.tables WHERE database = '{db}' AND (name LIKE '%_0003' OR name LIKE '%_0004')"));
    }

    [Fact]
    public async Task Yearly_partitions_keep_a_row_a_running_writer_adds_between_the_copy_and_the_rename()
    {
        await using var db = await TempDatabase.CreateAsync();
        var migrator = new Migrator(db.Store);
        await migrator.MigrateAsync(CancellationToken.None, upTo: 3);
        await InsertDocument(db, "d1");

        var sql = Migrator.Embedded().Single(m => m.Version == 4).Sql;
        foreach (var statement in Migrator.Statements(migrator.Render(sql)))
        {
            await db.Store.ExecuteAsync(statement, CancellationToken.None);
            if (statement.StartsWith($"INSERT INTO {db.Name}.sed_documents_0004", StringComparison.Ordinal))
            {
                await InsertDocument(db, "d2"); // a worker's batch lands in the old table after it was copied
            }
        }

        Assert.Equal("d1,d2", await Scalar(db, "SELECT arrayStringConcat(arraySort(groupArray(document_id)), ',') FROM {db}.sed_documents FINAL"));
        Assert.Equal("0", await Scalar(db, "SELECT count() FROM system.tables WHERE database = '{db}' AND (name LIKE '%_0003' OR name LIKE '%_0004')"));
    }

    private static Task InsertDocument(TempDatabase db, string document) => db.Store.ExecuteAsync(
        $"INSERT INTO {db.Name}.sed_documents (case_id, document_id, version, received_at, ingested_at) VALUES ('c', '{document}', 1, '2025-03-02 09:30:00', now())",
        CancellationToken.None);

    [Fact]
    public async Task Processes_migrating_at_once_take_turns_and_each_version_is_applied_once()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var other = await TempDatabase.CreateAsync(o => o.Database = db.Name);
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None, upTo: 3);
        await db.Store.ExecuteAsync(
            $"INSERT INTO {db.Name}.sed_documents (case_id, document_id, version, received_at, ingested_at) VALUES ('c', 'd', 1, '2025-01-01 00:00:00', now())",
            CancellationToken.None);

        // Two workers starting together: both see 0004 (a table rebuild) pending.
        var both = await Task.WhenAll(
            new Migrator(db.Store).MigrateAsync(CancellationToken.None, upTo: 4),
            new Migrator(other.Store).MigrateAsync(CancellationToken.None, upTo: 4));

        Assert.Equal([4], both.SelectMany(v => v).ToArray());
        Assert.Equal("1", await Scalar(db, "SELECT count() FROM {db}.sed_documents FINAL"));
        Assert.Equal("1", await Scalar(db, "SELECT count() FROM {db}.schema_migrations WHERE version = 4"));
        Assert.Equal("0", await Scalar(db, "SELECT count() FROM system.tables WHERE database = '{db}' AND name = 'schema_migration_lock'"));
    }

    [Fact]
    public async Task A_lock_left_by_a_crashed_process_is_taken_over_once_stale()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        await db.Store.ExecuteAsync($"CREATE TABLE {db.Name}.schema_migration_lock (held UInt8) ENGINE = TinyLog", CancellationToken.None);

        await using (await MigrationLock.AcquireAsync(db.Store, CancellationToken.None, staleAfter: TimeSpan.FromSeconds(1)))
        {
            Assert.Equal("1", await Scalar(db, "SELECT count() FROM system.tables WHERE database = '{db}' AND name = 'schema_migration_lock'"));
        }
        Assert.Equal("0", await Scalar(db, "SELECT count() FROM system.tables WHERE database = '{db}' AND name = 'schema_migration_lock'"));
    }

    private static async Task<string> Scalar(TempDatabase db, string sql) =>
        (await db.Store.QueryTextAsync(sql.Replace("{db}", db.Name, StringComparison.Ordinal) + " FORMAT TSV", CancellationToken.None)).Trim();

    [Fact]
    public async Task Renders_low_cardinality_only_where_the_server_has_it()
    {
        await using var db = await TempDatabase.CreateAsync();
        var rendered = new Migrator(db.Store).Render("x {lc}");
        Assert.Equal(db.Store.Version.HasLowCardinality ? "x LowCardinality(String)" : "x String", rendered);
    }
}
