using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Hosting;

internal static class CliLogging
{
    /// <summary>Console logs on stderr, so stdout stays clean for data (JSON, TSV, tables).</summary>
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("INGEST_LOG_LEVEL"), true, out var level) ? level : minimum)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
}
