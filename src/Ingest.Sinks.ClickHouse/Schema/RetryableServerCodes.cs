namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>Server error codes that mean "the server is busy or restarting", not "your request is wrong".</summary>
internal static class RetryableServerCodes
{
    // TIMEOUT_EXCEEDED, TOO_MANY_SIMULTANEOUS_QUERIES, SOCKET_TIMEOUT, NETWORK_ERROR,
    // MEMORY_LIMIT_EXCEEDED, TOO_MANY_PARTS, ABORTED, TABLE_IS_READ_ONLY, ALL_CONNECTION_TRIES_FAILED
    private static readonly int[] s_codes = [159, 202, 209, 210, 241, 252, 236, 242, 279];

    public static bool IsRetryable(string message) => Array.IndexOf(s_codes, CodeOf(message)) >= 0;

    /// <summary>
    /// The server's error code: messages read "Code: 44, e.displayText() = …" on 18.x and
    /// "Code: 44. DB::Exception: …" on modern servers; -1 when there is none.
    /// </summary>
    public static int CodeOf(string message)
    {
        var at = message.IndexOf("Code: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }
        var span = message.AsSpan(at + 6);
        var end = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }
        return int.TryParse(span[..end], out var code) ? code : -1;
    }
}
