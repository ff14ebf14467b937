using Microsoft.Extensions.Logging;

namespace Ingest.DevBroker;

/// <summary>The dev broker's log catalogue (event ids 9000–9099).</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "dev broker up: {Bootstrap} ({Brokers} brokers, topics {Topics}); address in {File}")]
    public static partial void BrokerUp(ILogger logger, string bootstrap, int brokers, string topics, string file);

    [LoggerMessage(9001, LogLevel.Information, "dev broker stopping: {Dropped} record(s) dropped before consumption during its life")]
    public static partial void BrokerStopping(ILogger logger, long dropped);

    [LoggerMessage(9002, LogLevel.Debug, "watermarks of {Partition}: {Error}")]
    public static partial void WatermarkFailed(ILogger logger, string partition, string error);

    [LoggerMessage(9003, LogLevel.Error, "DATA LOSS: the dev broker dropped {Lost} unconsumed record(s) of {Topic}[{Partition}] (offsets {From}..{To}); it keeps only ~5 MB per partition: produce slower or consume sooner")]
    public static partial void RecordsDropped(ILogger logger, long lost, string topic, int partition, long from, long to);
}
