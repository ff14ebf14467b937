using Ingest.Sinks.ClickHouse;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>A database of its own per test, dropped afterwards, so tests never see each other's rows.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(ClickHouseStore store) => Store = store;

    public ClickHouseStore Store { get; }

    public string Name => Store.Database;

    public static async Task<TempDatabase> CreateAsync(Action<ClickHouseOptions>? configure = null)
    {
        var options = LocalServices.ClickHouse(LocalServices.UniqueName("ingest_test"));
        configure?.Invoke(options);
        var store = new ClickHouseStore(options);
        await store.ConnectAsync(CancellationToken.None);
        return new TempDatabase(store);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Store.ExecuteAsync($"DROP DATABASE IF EXISTS {Store.Database}", CancellationToken.None);
        }
        finally
        {
            Store.Dispose();
        }
    }
}
