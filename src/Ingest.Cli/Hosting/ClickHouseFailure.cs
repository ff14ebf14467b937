namespace Ingest.Cli.Hosting;

/// <summary>
/// The failures of a ClickHouse request that a read-only command reports in one line (exit code 1)
/// instead of a stack trace: the server's own error, no connection, and no answer within the
/// connection's timeout (the driver cancels the request: a cancellation nobody asked for).
/// </summary>
internal static class ClickHouseFailure
{
    public static bool Is(Exception e, CancellationToken cancellationToken) =>
        e is global::ClickHouse.Driver.ClickHouseServerException or HttpRequestException or TimeoutException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static string Describe(Exception e) =>
        e is OperationCanceledException or TimeoutException
            ? "ClickHouse did not answer within the connection's timeout (Timeout= in ClickHouse:ConnectionString)"
            : e.Message;
}
