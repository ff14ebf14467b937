namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>Server error codes that mean "the server is busy or restarting", not "your request is wrong".</summary>
internal static class RetryableServerCodes
{
    // TIMEOUT_EXCEEDED, TOO_MANY_SIMULTANEOUS_QUERIES, SOCKET_TIMEOUT, NETWORK_ERROR,
    // MEMORY_LIMIT_EXCEEDED, TOO_MANY_PARTS, ABORTED, TABLE_IS_READ_ONLY, ALL_CONNECTION_TRIES_FAILED
    private static readonly int[] s_codes = [159, 202, 209, 210, 241, 252, 236, 242, 279];

    public static bool IsRetryable(string message)
    {
        // Messages read "Code: 252. DB::Exception: ..." on every server version.
        var at = message.IndexOf("Code: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var span = message.AsSpan(at + 6);
        var end = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }
        return int.TryParse(span[..end], out var code) && Array.IndexOf(s_codes, code) >= 0;
    }
}
