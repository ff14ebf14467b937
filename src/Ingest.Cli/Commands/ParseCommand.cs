using Ingest.Cli.Hosting;
using Ingest.Sed;
using Ingest.Sed.Reporting;
using Ingest.Sources;

namespace Ingest.Cli.Commands;

/// <summary>`ingest parse PATH... [--json | --status]`: parse files, folders, zips and *.seds into SED records.</summary>
internal sealed class ParseCommand : ICliCommand, IHasFlags
{
    public string Name => "parse";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "json", "set", "status" };

    public string Summary => "parse XML files, folders, zips and .seds files into SED records";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "json", "status" };

    public string Help => """
        usage: ingest parse PATH... [--json | --status]

        Parses every unit of the given paths: XML files, folders (recursive, sorted: *.xml, *.zip,
        *.seds), zip archives (entries streamed, named archive.zip!entry) and multi-document *.seds
        files (frames named file.seds#index). Any XML 1.0 document is accepted; SEDs bare or in an
        SBDH envelope become records, other well-formed XML is reported as not-sed. UTF-8 is read
        in place; UTF-16 and the encodings a declaration may name (ISO-8859-x, windows-125x, US-ASCII…)
        are transcoded first.

        options:
          --status   one line per unit: <path or path!entry> TAB sed|not-sed|malformed TAB <SED type | code: message>
                     (a tab, line break or backslash inside a field is written \t, \n, \r, \\)
          --json     each parsed SED as one JSON line with every extracted field, "unit" first
          (none)     a short line per unit and the totals
          --set Parser:Key=Value   a security limit: MaxDocumentBytes, MaxDepth, MaxAttributes,
                     MaxNameLength, MaxTextLength, MaxTokenLength, MaxElements (also from
                     appsettings.json and Parser__Key environment variables)
        Error details (code, message, byte offset, line, column, element path) go to stderr, one
        line per unit. An unreadable file, archive or zip entry is a malformed unit (FramingError).

        exit codes:
          0   every unit is a SED
          2   some unit is malformed, refused by the security policy or over a limit
          3   some unit is well-formed XML but not a SED (and none is malformed)
          64  usage error (no path, missing path, both --json and --status)
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new CliUsageException("at least one PATH is required");
        }
        if (args.Has("json") && args.Has("status"))
        {
            throw new CliUsageException("--json and --status are exclusive");
        }
        var mode = args.Has("json") ? ParseOutputMode.Json : args.Has("status") ? ParseOutputMode.Status : ParseOutputMode.Summary;
        var limits = CliConfiguration.Parser(CliConfiguration.Build(args));
        Ingest.Core.Units.IUnitSource source;
        try
        {
            source = UnitSources.For(args.Positionals, limits.ToSourceOptions());
        }
        catch (FileNotFoundException e)
        {
            throw new CliUsageException(e.Message);
        }
        var stdout = Console.Out;
        var code = await ParseRun.RunAsync(source, new SedParser(limits.ToParserOptions()), mode, stdout, Console.Error, cancellationToken).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return code;
    }
}
