using System.Reflection;
using System.Runtime.InteropServices;
using Ingest.Cli.Hosting;

namespace Ingest.Cli;

internal static class Program
{
    public const int ExitUsage = 64;

    public static async Task<int> Main(string[] argv)
    {
        var commands = DiscoverCommands();
        if (argv.Length == 0 || argv[0] is "--help" or "-h" or "help")
        {
            PrintVerbs(commands);
            return argv.Length == 0 ? ExitUsage : 0;
        }
        if (!commands.TryGetValue(argv[0], out var command))
        {
            await Console.Error.WriteLineAsync($"ingest: unknown verb '{argv[0]}'").ConfigureAwait(false);
            PrintVerbs(commands);
            return ExitUsage;
        }

        using var gcLog = GcEventLog.StartIfAsked();
        using var cts = new CancellationTokenSource();
        // SIGINT and SIGTERM both ask for a graceful stop: verbs drain and flush, then exit.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; cts.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cts.Cancel(); });

        try
        {
            var flags = command is IHasFlags f ? f.Flags : new HashSet<string>();
            var args = CliArgs.Parse(argv[1..], flags);
            if (args.HelpRequested)
            {
                Console.WriteLine(command.Help);
                return 0;
            }
            foreach (var option in args.OptionNames)
            {
                if (!command.Options.Contains(option))
                {
                    throw new CliUsageException($"unknown option --{option}");
                }
            }
            // Returns unless the process restarts itself with the GC settings the verb asks for.
            GcModeRestart.Ensure(command.GcEnvironment(args));
            return await command.RunAsync(args, cts.Token).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await Console.Error.WriteLineAsync($"ingest {command.Name}: {e.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(command.Help).ConfigureAwait(false);
            return ExitUsage;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"ingest {command.Name}: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Bad or unreadable input that stops a verb as a whole (a run's units are quarantined one by one instead).
            await Console.Error.WriteLineAsync($"ingest {command.Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e)
        {
            // A defect: the documented failure code rather than the runtime's abort, with what a bug report needs.
            await Console.Error.WriteLineAsync($"ingest {command.Name}: unexpected error: {e}").ConfigureAwait(false);
            return 1;
        }
    }

    private static SortedDictionary<string, ICliCommand> DiscoverCommands()
    {
        var result = new SortedDictionary<string, ICliCommand>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            if (type is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(type))
            {
                var command = (ICliCommand)Activator.CreateInstance(type, nonPublic: true)!;
                result.Add(command.Name, command);
            }
        }
        return result;
    }

    private static void PrintVerbs(SortedDictionary<string, ICliCommand> commands)
    {
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Console.WriteLine($"ingest {version} — EESSI LA SEDs to control evidence");
        Console.WriteLine();
        Console.WriteLine("usage: ingest <verb> [options]   (ingest <verb> --help for details)");
        Console.WriteLine();
        foreach (var (name, command) in commands)
        {
            Console.WriteLine($"  {name,-12} {command.Summary}");
        }
    }
}

/// <summary>Verbs with boolean options declare them so the parser does not eat the next token.</summary>
internal interface IHasFlags
{
    IReadOnlySet<string> Flags { get; }
}
