using System.Text.Json;
using Ingest.Cli.Hosting;
using Ingest.Matching.Rules;

namespace Ingest.Cli.Commands;

/// <summary>`ingest rules [--json]`: the control-rule catalogue.</summary>
internal sealed class RulesCommand : ICliCommand, IHasFlags
{
    public string Name => "rules";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "json" };

    public string Summary => "list the control-rule catalogue (id, severity, title, legal basis)";

    public string Help => """
        usage: ingest rules [--json]

        Lists every control rule the engine runs (DOMAIN.md §5): id, severity (LOW, MED, RED, BLOCK),
        title and legal basis; with --json one array of objects that also carry the inputs each rule
        reads and the follow-up a finding calls for.

        options:
          --json      print JSON instead of a table
          --help      this text

        exit codes:
          0   listed
          64  bad usage
        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "json" };

    public Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{args.Positionals[0]}'");
        }
        var rules = RuleCatalogue.Everything;
        if (args.Has("json"))
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                foreach (var r in rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", r.Id);
                    writer.WriteString("severity", r.Severity.ToString().ToUpperInvariant());
                    writer.WriteString("title", r.Title);
                    writer.WriteString("legalBasis", r.LegalBasis);
                    writer.WriteStartArray("inputs");
                    foreach (var i in r.Inputs)
                    {
                        writer.WriteStringValue(i);
                    }
                    writer.WriteEndArray();
                    writer.WriteString("followUp", r.FollowUp);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            stdout.WriteByte((byte)'\n');
            return Task.FromResult(0);
        }
        Console.WriteLine($"{"ID",-8} {"SEVERITY",-8} {"TITLE",-80} LEGAL BASIS");
        foreach (var r in rules)
        {
            Console.WriteLine($"{r.Id,-8} {r.Severity.ToString().ToUpperInvariant(),-8} {r.Title,-80} {r.LegalBasis}");
        }
        Console.WriteLine();
        Console.WriteLine($"{rules.Count} rules");
        return Task.FromResult(0);
    }
}
