using Ingest.Pipeline;
using Ingest.Sinks.ClickHouse;
using Microsoft.Extensions.Configuration;

namespace Ingest.Cli.Hosting;

/// <summary>
/// appsettings.json beside the binary, then INGEST-independent environment variables in .NET's
/// convention (ClickHouse__ConnectionString, Kafka__BootstrapServers…), then `--set Key=Value`.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(CliArgs? args = null)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (args is not null)
        {
            builder.AddInMemoryCollection(Overrides(args));
        }
        return builder.Build();
    }

    /// <summary>The `--set Key=Value` options of a verb.</summary>
    public static Dictionary<string, string?> Overrides(CliArgs args)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in args.GetAll("set"))
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--set expects Key=Value (e.g. ClickHouse:Database=ingest2), got '{kv}'");
            }
            overrides[kv[..eq]] = kv[(eq + 1)..];
        }
        return overrides;
    }

    public static ClickHouseOptions ClickHouse(IConfiguration configuration)
    {
        var options = new ClickHouseOptions();
        Bind(configuration, ClickHouseOptions.Section, options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString) || options.BatchRows < 1 || !ClickHouseOptions.IsPlainIdentifier(options.Database))
        {
            throw new CliUsageException("invalid ClickHouse configuration: ConnectionString must be set, BatchRows ≥ 1, Database a plain identifier");
        }
        return options;
    }

    /// <summary>The "Parser" section's limits, checked: a limit that is not positive is a usage error.</summary>
    public static ParserLimits Parser(IConfiguration configuration)
    {
        var limits = new ParserLimits();
        Bind(configuration, ParserLimits.Section, limits);
        try
        {
            limits.ToParserOptions();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CliUsageException("invalid Parser configuration: every limit (Parser:MaxDocumentBytes, MaxDepth, MaxAttributes, MaxNameLength, MaxTextLength, MaxTokenLength, MaxElements) must be positive");
        }
        return limits;
    }

    public static PipelineOptions Pipeline(IConfiguration configuration)
    {
        var options = new PipelineOptions();
        Bind(configuration, "Pipeline", options);
        return options;
    }

    /// <summary>Binds a section; a value of the wrong type (e.g. --set Parser:MaxDepth=abc) is a usage error naming it.</summary>
    internal static void Bind(IConfiguration configuration, string section, object options)
    {
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new CliUsageException($"invalid {section} configuration: {e.Message}");
        }
    }
}
