using System.Globalization;
using Ingest.Cli.Hosting;
using Ingest.DevBroker;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

internal sealed class DevBrokerCommand : ICliCommand
{
    public string Name => "dev-broker";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "bootstrap-file", "brokers", "status-file", "topic", "watch-group" };

    public string Summary => "run a local Kafka broker (librdkafka mock cluster) for development and tests";

    public string Help => """
        usage: ingest dev-broker [--brokers N] [--topic NAME:PARTITIONS]... [--bootstrap-file PATH]
                                 [--status-file PATH] [--watch-group GROUP]...

        Hosts librdkafka's protocol-level mock cluster on loopback TCP (random ports), creates the
        topics, writes the bootstrap address atomically to --bootstrap-file and runs until SIGTERM or
        Ctrl+C. Data is kept in memory only (about 5 MB per partition; older records are dropped):
        for development and tests, never production. Every record dropped before a watched group
        consumed it is logged as DATA LOSS and counted in --status-file.

          --brokers N              mock brokers (default 3)
          --topic NAME:PARTITIONS  topic to create (repeatable; default eessi.la.seds:6,
                                   eessi.la.seds.dlq:3, ingest.a1:3, ingest.declarations:3)
          --bootstrap-file PATH    default .local/kafka/bootstrap.txt
          --status-file PATH       default .local/kafka/broker-status.json
          --watch-group GROUP      consumer group whose commits mark records consumed (repeatable;
                                   default ingest-stream)

        exit codes: 0 stopped cleanly, 1 failed to start, 64 bad arguments
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var options = new DevBrokerOptions
        {
            Brokers = args.GetInt("brokers", 3),
            BootstrapFile = args.Get("bootstrap-file") ?? ".local/kafka/bootstrap.txt",
            StatusFile = args.Get("status-file") ?? ".local/kafka/broker-status.json",
        };
        if (args.GetAll("topic") is { Count: > 0 } topics)
        {
            options.Topics.Clear();
            foreach (var t in topics)
            {
                var colon = t.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(t.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    throw new CliUsageException($"--topic expects NAME:PARTITIONS, got '{t}'");
                }
                options.Topics[t[..colon]] = n;
            }
        }
        if (args.GetAll("watch-group") is { Count: > 0 } groups)
        {
            options.WatchGroups = [.. groups];
        }
        using var logging = CliLogging.Create();
        var logger = logging.CreateLogger("dev-broker");
        var broker = new DevBroker.DevBroker(options, logger);
        broker.Started += bootstrap => Console.WriteLine($"bootstrap: {bootstrap}");
        try
        {
            await broker.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"ingest dev-broker: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
