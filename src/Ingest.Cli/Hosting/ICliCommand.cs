namespace Ingest.Cli.Hosting;

/// <summary>
/// One verb of the `ingest` command. Verbs are discovered by reflection, so adding a verb is
/// adding one file under Commands/.
/// </summary>
internal interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The full `--help` text: usage line, options, exit codes.</summary>
    string Help { get; }

    /// <summary>
    /// Every option the verb takes (flags and valued ones, without dashes; --help is always taken): any
    /// other is a usage error, so a mistyped --dry-run never runs a real run.
    /// </summary>
    IReadOnlySet<string> Options { get; }

    /// <summary>
    /// The GC settings (runtime environment variables) the verb runs best with for these arguments,
    /// applied by restarting in place (see <see cref="GcModeRestart"/>); empty: the executable's own.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>> GcEnvironment(CliArgs args) => [];

    Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken);
}
