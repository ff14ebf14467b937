using System.Diagnostics;

namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>
/// Serialises migrating processes (two workers starting together, a worker and a nightly run):
/// some migrations rebuild tables, and two processes interleaving a copy and a rename could lose
/// rows or fail. ClickHouse has no locks, but creating a table is atomic: whoever creates the lock
/// table holds the lock, and drops it when done. A lock held for longer than <see cref="StaleAfter"/>
/// (left by a crashed process; migrations take seconds) is taken over.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private readonly ClickHouseStore _store;
    private readonly string _table;

    private MigrationLock(ClickHouseStore store, string table)
    {
        _store = store;
        _table = table;
    }

    public static async Task<MigrationLock> AcquireAsync(ClickHouseStore store, CancellationToken cancellationToken, TimeSpan? staleAfter = null)
    {
        var table = $"{store.Database}.schema_migration_lock";
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await store.ExecuteAsync($"CREATE TABLE {table} (held UInt8) ENGINE = TinyLog", cancellationToken).ConfigureAwait(false);
                return new MigrationLock(store, table);
            }
            catch (global::ClickHouse.Driver.ClickHouseServerException e) when (RetryableServerCodes.CodeOf(e.Message) == 57)
            {
                // Held by another process.
            }
            if (waiting.Elapsed > (staleAfter ?? StaleAfter))
            {
                await store.ExecuteAsync($"DROP TABLE IF EXISTS {table}", cancellationToken).ConfigureAwait(false);
                waiting.Restart();
                continue;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() =>
        await _store.ExecuteAsync($"DROP TABLE IF EXISTS {_table}", CancellationToken.None).ConfigureAwait(false);
}
