using System.Globalization;
using Ingest.Cli.Hosting;
using Ingest.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingest.Cli.Commands;

internal sealed class StreamCommand : ICliCommand
{
    public string Name => "stream";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "a1", "declarations", "exit-when-idle", "group", "metrics-port", "set", "topic" };

    public string Summary => "run the continuous Kafka worker in the foreground";

    /// <summary>The worker holds a bounded window, not a year: conserve-memory mode only costs it CPU (measured in the README).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GcEnvironment(CliArgs args) => [new(GcModeRestart.Variable, "0")];

    public string Help => """
        usage: ingest stream [--exit-when-idle SECONDS] [--metrics-port N] [--group G] [--topic T]...
                             [--a1 FILE] [--declarations FILE] [--set Key=Value]...

        Consumes the SED topics in a consumer group and runs every record through the nightly job's
        parser, matcher and rules into ClickHouse. Offsets are stored only after ClickHouse
        acknowledged the batch holding the record, so a crash or restart never loses or doubles a
        SED. Poison records are quarantined and sent to the dead-letter topic. SIGTERM/Ctrl+C drain,
        flush and commit before leaving the group. Brokers come from Kafka:BootstrapServers, else
        the dev broker's .local/kafka/bootstrap.txt.

          --exit-when-idle S   stop by itself after S seconds without records (topics drained)
          --metrics-port N     serve /metrics (Prometheus) and /health on 127.0.0.1:N
          --group G            consumer group (default ingest-stream)
          --topic T            SED topic (repeatable; default eessi.la.seds)
          --a1 FILE, --declarations FILE   reference data (JSON Lines) for matching
          --set Key=Value      any configuration key, e.g. Stream:BatchMaxRecords=5000

        exit codes: 0 stopped cleanly, 1 failed, 64 bad arguments
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var overrides = CliConfiguration.Overrides(args);
        if (args.Get("exit-when-idle") is { } idle)
        {
            if (!double.TryParse(idle, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds >= 0) || seconds > TimeSpan.MaxValue.TotalSeconds)
            {
                throw new CliUsageException($"--exit-when-idle expects a number of seconds (0 = never), got '{idle}'");
            }
            overrides["Stream:ExitWhenIdle"] = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        }
        if (args.Get("metrics-port") is { } port)
        {
            overrides["Stream:MetricsPort"] = port;
        }
        if (args.Get("group") is { } group)
        {
            overrides["Kafka:GroupId"] = group;
        }
        var topics = args.GetAll("topic");
        for (var i = 0; i < topics.Count; i++)
        {
            overrides[$"Kafka:SedTopics:{i}"] = topics[i];
        }
        ReferenceFiles.RequireExisting(args.Get("a1"), args.Get("declarations"));
        if (args.Get("a1") is { } a1)
        {
            overrides["Reference:A1Path"] = a1;
        }
        if (args.Get("declarations") is { } declarations)
        {
            overrides["Reference:DeclarationsPath"] = declarations;
        }
        using var host = WorkerHost.Build([], EngineRegistration.AddIngestEngine, overrides);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            // The host stops quietly when its worker throws: report that as a failure.
            foreach (var service in host.Services.GetServices<IHostedService>())
            {
                if (service is BackgroundService { ExecuteTask.IsFaulted: true } failed)
                {
                    await Console.Error.WriteLineAsync($"ingest stream: the worker failed: {failed.ExecuteTask!.Exception!.GetBaseException().Message}").ConfigureAwait(false);
                    return 1;
                }
            }
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"ingest stream: invalid configuration: {e.Message}").ConfigureAwait(false);
            return 64;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"ingest stream: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
