using Ingest.Cli.Hosting;
using Ingest.Sinks.ClickHouse;
using Ingest.Sinks.ClickHouse.QueryPack;

namespace Ingest.Cli.Commands;

internal sealed class QueryCommand : ICliCommand, IHasFlags
{
    public string Name => "query";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "format", "list", "param", "set", "sql" };

    public string Summary => "run a named CLASS query against ClickHouse (--list to see them)";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "list", "sql" };

    public string Help => """
        usage: ingest query --list
               ingest query NAME [--param k=v]... [--format table|csv|json] [--sql]

        Runs one query of the CLASS pack (src/Ingest.Sinks.ClickHouse/Queries/NAME.sql) against the
        configured ClickHouse and prints the result.

          --list              list the queries with their parameters and defaults
          --param k=v         set a parameter (repeatable); types are validated
          --format F          table (default), csv (with a header), json (one array of objects)
          --sql               print the rendered SQL instead of running it
          --set Key=Value     override configuration (e.g. ClickHouse:Database=ingest)

        exit codes: 0 ok, 1 ClickHouse error, 64 bad arguments or unknown query
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        if (args.Has("list"))
        {
            foreach (var q in SavedQueries.All)
            {
                Console.WriteLine($"{q.Name}\n  {q.Title}");
                foreach (var p in q.Parameters)
                {
                    Console.WriteLine($"    --param {p.Name}=<{p.Type}>  {p.Description}{(p.Required ? " (required)" : $" (default {p.Default})")}");
                }
            }
            return 0;
        }
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("expected exactly one query NAME (see ingest query --list)");
        }
        var query = SavedQueries.Find(args.Positionals[0]) ?? throw new CliUsageException($"no query named '{args.Positionals[0]}' (see ingest query --list)");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in args.GetAll("param"))
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--param expects k=v, got '{kv}'");
            }
            values[kv[..eq]] = kv[(eq + 1)..];
        }
        var format = args.Get("format") ?? "table";
        if (format is not ("table" or "csv" or "json"))
        {
            throw new CliUsageException($"--format must be table, csv or json, got '{format}'");
        }
        var options = CliConfiguration.ClickHouse(CliConfiguration.Build(args));
        string sql;
        try
        {
            sql = SavedQueries.Render(query, options.Database, values, DateOnly.FromDateTime(DateTime.UtcNow));
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        if (args.Has("sql"))
        {
            Console.WriteLine(sql);
            return 0;
        }
        using var store = new ClickHouseStore(options);
        try
        {
            await QueryOutput.WriteAsync(store, sql, format, Console.Out, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (ClickHouseFailure.Is(e, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"ingest query {query.Name}: {ClickHouseFailure.Describe(e)}").ConfigureAwait(false);
            return 1;
        }
    }
}
