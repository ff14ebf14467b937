using System.Net.Sockets;
using ClickHouse.Driver;
using ClickHouse.Driver.Compression;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse;

/// <summary>
/// The one place that talks to ClickHouse: DDL and text-format reads (which every server version
/// serves), binary inserts with explicit column types (no schema probe) and gzip bodies (18.16
/// rejects zstd), retried with back-off on transient failures only.
/// </summary>
public sealed class ClickHouseStore : IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly ClickHouseOptions _options;

    public ClickHouseStore(ClickHouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfDatabaseInvalid();
        _options = options;
        _client = new ClickHouseClient(options.ConnectionString);
    }

    public ClickHouseOptions Options => _options;

    public string Database => _options.Database;

    public ServerVersion Version { get; private set; }

    public async Task<ServerVersion> ConnectAsync(CancellationToken cancellationToken)
    {
        var raw = await WithRetryAsync(ct => QueryTextAsync("SELECT version() FORMAT TSV", ct), cancellationToken).ConfigureAwait(false);
        Version = ServerVersion.Parse(raw);
        return Version;
    }

    /// <summary>
    /// Runs a statement. The driver asks for RowBinaryWithNamesAndTypes as the default format, which
    /// 18.16 does not know and checks even for an INSERT … SELECT that returns nothing: ask for TSV.
    /// </summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken) =>
        WithRetryAsync(async ct => await _client.ExecuteNonQueryAsync(sql, null, s_plainFormat, ct).ConfigureAwait(false), cancellationToken);

    private static readonly QueryOptions s_plainFormat = new() { CustomSettings = new Dictionary<string, object> { ["default_format"] = "TabSeparated" } };

    /// <summary>Runs a query whose SQL ends with a FORMAT clause and returns the body as text.</summary>
    public Task<string> QueryTextAsync(string sql, CancellationToken cancellationToken) => QueryTextAsync(sql, options: null, cancellationToken);

    /// <summary>
    /// As <see cref="QueryTextAsync(string, CancellationToken)"/>, with session settings sent as URL
    /// parameters: 18.16 refuses a SETTINGS clause after FORMAT, and modern servers take both.
    /// </summary>
    public Task<string> QueryTextAsync(string sql, IReadOnlyDictionary<string, object> settings, CancellationToken cancellationToken) =>
        QueryTextAsync(sql, new QueryOptions { CustomSettings = new Dictionary<string, object>(settings) }, cancellationToken);

    private async Task<string> QueryTextAsync(string sql, QueryOptions? options, CancellationToken cancellationToken)
    {
        using var result = await _client.ExecuteRawResultAsync(sql, options, cancellationToken).ConfigureAwait(false);
        return await result.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>Streams a TSV query line by line, so a million-row result never sits in one string.</summary>
    public async IAsyncEnumerable<string> QueryLinesAsync(string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var result = await _client.ExecuteRawResultAsync(sql, null, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await result.ReadAsStreamAsync().ConfigureAwait(false), System.Text.Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Streams a query's body (for large exports) to <paramref name="destination"/>.</summary>
    public async Task CopyQueryAsync(string sql, Stream destination, CancellationToken cancellationToken)
    {
        using var result = await _client.ExecuteRawResultAsync(sql, null, cancellationToken).ConfigureAwait(false);
        await result.CopyToAsync(destination).ConfigureAwait(false);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        var text = await QueryTextAsync(sql + " FORMAT TSV", cancellationToken).ConfigureAwait(false);
        return long.TryParse(text.Trim(), out var v) ? v : throw new InvalidDataException($"not a number: '{text.Trim()}' from {sql}");
    }

    public Task InsertAsync(TableSpec table, IReadOnlyList<object[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }
        var options = new InsertOptions
        {
            ColumnTypes = table.ColumnTypes(Version),
            // gzip: 18.16 rejects zstd bodies. Off for loopback, where compressing costs more CPU than it saves.
            Compressor = _options.ShouldCompressInserts ? new GZipCompressor(System.IO.Compression.CompressionLevel.Fastest, 1 << 16) : null,
            // The driver serialises sub-batches in parallel: both cores work while the server parses.
            BatchSize = Math.Max(rows.Count / Math.Max(_options.InsertParallelism, 1), 1),
            MaxDegreeOfParallelism = Math.Max(_options.InsertParallelism, 1),
        };
        var name = $"{_options.Database}.{table.Name}";
        return WithRetryAsync(async ct => await _client.InsertBinaryAsync(name, table.ColumnNames, rows, options, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>
    /// Inserts rows already encoded as RowBinary in the table's column order. <paramref name="body"/>
    /// opens the bytes afresh for every attempt, since a retry sends them again.
    /// </summary>
    internal Task InsertRowBinaryAsync(TableSpec table, Func<Stream> body, CancellationToken cancellationToken)
    {
        var name = $"{_options.Database}.{table.Name}";
        if (!_options.ShouldCompressInserts)
        {
            return WithRetryAsync(async ct =>
            {
                using var stream = body();
                using var response = await _client.InsertRawStreamAsync(name, stream, "RowBinary", table.ColumnNames, false, null, ct).ConfigureAwait(false);
            }, cancellationToken);
        }
        // gzip by hand, as for the binary inserts: 18.16 rejects the driver's default encoding.
        var sql = $"INSERT INTO {name} ({string.Join(", ", table.ColumnNames)}) FORMAT RowBinary";
        return WithRetryAsync(async ct =>
        {
            using var response = await _client.PostStreamAsync(sql, async (request, token) =>
            {
                using var stream = body();
                var gzip = new System.IO.Compression.GZipStream(request, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
                await using (gzip.ConfigureAwait(false))
                {
                    await stream.CopyToAsync(gzip, 1 << 16, token).ConfigureAwait(false);
                }
            }, true, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var delay = _options.FirstRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < _options.MaxRetries && IsTransient(e, cancellationToken))
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    private async Task WithRetryAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        await WithRetryAsync(async ct => { await action(ct).ConfigureAwait(false); return 0; }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Connection-level failures and the server's "try later" codes are retried; a bad query or a
    /// type mismatch is not, since repeating it cannot succeed.
    /// </summary>
    internal static bool IsTransient(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        return e switch
        {
            HttpRequestException => true,
            SocketException => true,
            IOException => true,
            TaskCanceledException => true, // HttpClient timeout, not our token (checked above)
            ClickHouseServerException s => RetryableServerCodes.IsRetryable(s.Message),
            _ when e.InnerException is not null => IsTransient(e.InnerException, cancellationToken),
            _ => false,
        };
    }

    public void Dispose() => _client.Dispose();
}
