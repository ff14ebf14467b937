namespace Ingest.Sinks.ClickHouse;

/// <summary>Where and how results are written. Bound from the "ClickHouse" configuration section.</summary>
public sealed class ClickHouseOptions
{
    public const string Section = "ClickHouse";

    /// <summary>ClickHouse.Driver connection string. The JSON modes must stay off for servers before 24.x.</summary>
    public string ConnectionString { get; set; } = "Host=127.0.0.1;Port=18123;JsonReadMode=None;JsonWriteMode=None";

    /// <summary>A plain identifier (<see cref="IsPlainIdentifier"/>): it is written into every statement unquoted.</summary>
    public string Database { get; set; } = "ingest";

    /// <summary>Every statement names the database unquoted: anything but a plain identifier would change them.</summary>
    public void ThrowIfDatabaseInvalid()
    {
        if (!IsPlainIdentifier(Database))
        {
            throw new ArgumentException($"ClickHouse:Database must be a plain identifier (letters, digits, '_'; not starting with a digit), got '{Database}'");
        }
    }

    /// <summary>Letters, digits and '_', not starting with a digit, under 64 characters.</summary>
    public static bool IsPlainIdentifier(string? name) =>
        name is { Length: > 0 and < 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);

    /// <summary>Rows per insert: large batches keep ClickHouse's part count low.</summary>
    public int BatchRows { get; set; } = 100_000;

    /// <summary>A partly filled batch is sent after this long, so the stream stays within its latency target.</summary>
    public TimeSpan MaxBatchAge { get; set; } = TimeSpan.FromMilliseconds(500);

    public int MaxRetries { get; set; } = 6;

    /// <summary>Sub-batches of one insert sent concurrently.</summary>
    public int InsertParallelism { get; set; } = 1;

    /// <summary>
    /// Gzip insert bodies: worth it across a network, not on loopback where CPU is the limit (a
    /// 100 000-SED reconcile on the 2-core box: 7.0 s without, 7.9 s with). Unset: compress unless
    /// the connection string's host is a loopback address.
    /// </summary>
    public bool? CompressInserts { get; set; }

    /// <summary>The effective <see cref="CompressInserts"/>.</summary>
    public bool ShouldCompressInserts => CompressInserts ?? !IsLoopback(HostOf(ConnectionString));

    /// <summary>The connection string as it may be printed (logs, cron mail): every password replaced by ***.</summary>
    public static string Redacted(string connectionString)
    {
        var parts = connectionString.Split(';');
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && parts[i][..eq].Trim() is var key
                && (key.Equals("Password", StringComparison.OrdinalIgnoreCase) || key.Equals("Pwd", StringComparison.OrdinalIgnoreCase)))
            {
                parts[i] = parts[i][..(eq + 1)] + "***";
            }
        }
        return string.Join(';', parts);
    }

    internal static string? HostOf(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim();
            }
        }
        return null;
    }

    private static bool IsLoopback(string? host) =>
        host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address)));

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Key of the pseudonymised view's HMAC. The default is for local development only; set
    /// ClickHouse__PseudonymKey in production (rotating it changes every pseudonym).
    /// </summary>
    public string PseudonymKey { get; set; } = "ingest-local-development-key";

    /// <summary>Quarantined units up to this size keep their bytes in the table; larger ones keep a reference.</summary>
    public int MaxRawBytesKept { get; set; } = 256 * 1024;
}
