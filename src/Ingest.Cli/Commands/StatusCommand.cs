using System.Text.Json;
using Ingest.Cli.Hosting;
using Ingest.Sinks.ClickHouse;

namespace Ingest.Cli.Commands;

internal sealed class StatusCommand : ICliCommand, IHasFlags
{
    public string Name => "status";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "json", "set" };

    public string Summary => "what ClickHouse holds: SED rows, distinct SEDs, quarantined units, runs";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public string Help => """
        usage: ingest status [--json]

        Counts what the configured ClickHouse database holds. sedRows counts every row written
        (re-runs and replays included until ClickHouse merges them); sedDistinct counts SEDs by
        identity (case, document, version), i.e. what the final views count.

          --json   one object: {"sedRows":…,"sedDistinct":…,"quarantined":…,"runs":…}

        exit codes: 0 ok, 1 ClickHouse unreachable or schema missing
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var options = CliConfiguration.ClickHouse(CliConfiguration.Build(args));
        using var store = new ClickHouseStore(options);
        var db = options.Database;
        try
        {
            var counts = new Dictionary<string, long>
            {
                ["sedRows"] = await store.ScalarAsync($"SELECT count() FROM {db}.sed_documents", cancellationToken).ConfigureAwait(false),
                ["sedDistinct"] = await store.ScalarAsync($"SELECT count() FROM (SELECT 1 FROM {db}.sed_documents GROUP BY case_id, document_id, version)", cancellationToken).ConfigureAwait(false),
                ["quarantined"] = await store.ScalarAsync($"SELECT count() FROM (SELECT 1 FROM {db}.quarantine GROUP BY source, entry, unit_offset)", cancellationToken).ConfigureAwait(false),
                ["runs"] = await store.ScalarAsync($"SELECT uniqExact(run_id) FROM {db}.runs", cancellationToken).ConfigureAwait(false),
            };
            if (args.Has("json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(counts));
            }
            else
            {
                foreach (var (k, v) in counts)
                {
                    Console.WriteLine($"{k,-12} {v,12:N0}");
                }
            }
            return 0;
        }
        catch (Exception e) when (ClickHouseFailure.Is(e, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"ingest status: {ClickHouseFailure.Describe(e)}").ConfigureAwait(false);
            return 1;
        }
    }
}
