using System.Globalization;
using System.Text;

namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>
/// Creates the database and applies the embedded migrations (Migrations/NNNN_name.sql) that the
/// schema_migrations table does not list yet, in order. DDL is rendered for the server's version.
/// </summary>
public sealed class Migrator(ClickHouseStore store)
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Embedded()
    {
        var list = new List<Migration>();
        foreach (var (file, sql) in EmbeddedSql.Read("Migrations"))
        {
            // Files are named NNNN_name.sql.
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            list.Add(new Migration(int.Parse(file.AsSpan(0, underscore), CultureInfo.InvariantCulture), file[(underscore + 1)..], sql));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }

    /// <summary>Applies what is pending up to <paramref name="upTo"/> (all by default); returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken, int upTo = int.MaxValue)
    {
        var db = store.Database;
        await store.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {db}", cancellationToken).ConfigureAwait(false);
        await store.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {db}.schema_migrations (version UInt32, name String, applied_at DateTime) ENGINE = MergeTree ORDER BY version",
            cancellationToken).ConfigureAwait(false);
        var migrations = Embedded();
        var applied = await AppliedAsync(cancellationToken).ConfigureAwait(false);
        var done = new List<int>();
        if (!migrations.Any(Pending))
        {
            return done;
        }
        await using var migrating = await MigrationLock.AcquireAsync(store, cancellationToken).ConfigureAwait(false);
        // Another process may have applied some while this one waited.
        applied = await AppliedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in migrations)
        {
            if (!Pending(migration))
            {
                continue;
            }
            foreach (var statement in Statements(Render(migration.Sql)))
            {
                try
                {
                    await store.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
                }
                catch (global::ClickHouse.Driver.ClickHouseServerException e) when (AlreadyApplied(e.Message))
                {
                    // A migration interrupted half-way left this statement applied: carry on.
                }
            }
            var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await store.ExecuteAsync(
                $"INSERT INTO {db}.schema_migrations (version, name, applied_at) VALUES ({migration.Version}, '{migration.Name}', '{now}')",
                cancellationToken).ConfigureAwait(false);
            done.Add(migration.Version);
        }
        return done;

        bool Pending(Migration m) => m.Version <= upTo && !applied.Contains(m.Version);
    }

    public async Task<HashSet<int>> AppliedAsync(CancellationToken cancellationToken)
    {
        var text = await store.QueryTextAsync($"SELECT DISTINCT version FROM {store.Database}.schema_migrations FORMAT TSV", cancellationToken).ConfigureAwait(false);
        var set = new HashSet<int>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(int.Parse(line, CultureInfo.InvariantCulture));
        }
        return set;
    }

    /// <summary>
    /// "column already exists" (44 on 18.16, DUPLICATE_COLUMN 15 on modern servers), "table already exists"
    /// (57): 18.16 has no ADD COLUMN IF NOT EXISTS, and a migration interrupted half-way, or two workers
    /// migrating at once, meet statements already applied.
    /// </summary>
    private static bool AlreadyApplied(string message) => RetryableServerCodes.CodeOf(message) is 15 or 44 or 57;

    internal string Render(string sql) => sql
        .Replace("{db}", store.Database, StringComparison.Ordinal)
        .Replace("{lc}", store.Version.HasLowCardinality ? "LowCardinality(String)" : "String", StringComparison.Ordinal);

    /// <summary>Statements end with ';' at the end of a line; '--' comment lines are dropped.</summary>
    internal static IEnumerable<string> Statements(string sql)
    {
        var current = new StringBuilder();
        foreach (var rawLine in sql.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.EndsWith(';'))
            {
                current.Append(line.AsSpan(0, line.Length - 1));
                var statement = current.ToString().Trim();
                if (statement.Length > 0)
                {
                    yield return statement;
                }
                current.Clear();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }
        var rest = current.ToString().Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
