namespace Ingest.Cli.Hosting;

/// <summary>
/// Minimal GNU-style arguments: positionals, `--name value`, `--name=value`, bare `--flag`,
/// repeatable options. Options listed as flags never consume the next token.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CliArgs(List<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public bool HelpRequested => Has("help") || Has("h");

    public static CliArgs Parse(IReadOnlyList<string> argv, IReadOnlySet<string> flags)
    {
        var positionals = new List<string>();
        var args = new CliArgs(positionals);
        for (var i = 0; i < argv.Count; i++)
        {
            var token = argv[i];
            if (token == "--")
            {
                for (i++; i < argv.Count; i++)
                {
                    positionals.Add(argv[i]);
                }
                break;
            }
            if (token.StartsWith("--", StringComparison.Ordinal) || token is "-h")
            {
                var name = token.TrimStart('-');
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!flags.Contains(name) && name is not ("help" or "h") && i + 1 < argv.Count && !argv[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = argv[++i];
                }
                args.Add(name, value ?? "true");
            }
            else
            {
                positionals.Add(token);
            }
        }
        return args;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"missing required option --{name}");

    public int GetInt(string name, int fallback)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return fallback;
        }
        return int.TryParse(raw.Replace("_", "", StringComparison.Ordinal), out var v) && v >= 0
            ? v
            : throw new CliUsageException($"--{name} expects a non-negative integer, got '{raw}'");
    }

    public long GetLong(string name, long fallback)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return fallback;
        }
        return long.TryParse(raw.Replace("_", "", StringComparison.Ordinal), out var v) && v >= 0
            ? v
            : throw new CliUsageException($"--{name} expects a non-negative integer, got '{raw}'");
    }

    public IEnumerable<string> OptionNames => _options.Keys;

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var list))
        {
            _options[name] = list = [];
        }
        list.Add(value);
    }
}

/// <summary>Bad command line: printed with the verb's usage, exit code 64 (EX_USAGE).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
