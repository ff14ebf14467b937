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

    /// <summary>The GC conserve-memory level the verb runs best with; null: the executable's own (see <see cref="GcModeRestart"/>).</summary>
    int? GcConserveMemory => null;

    Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken);
}
