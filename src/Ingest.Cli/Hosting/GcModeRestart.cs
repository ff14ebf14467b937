using System.Runtime.InteropServices;

namespace Ingest.Cli.Hosting;

/// <summary>
/// The executable's runtime configuration runs the GC in conserve-memory mode for the nightly run, whose
/// year-long reference data and history would otherwise peak above its memory target. A verb that holds
/// little (the stream worker) pays for that mode in compacting gen2 collections: 20 % more CPU on the
/// stream benchmark. GC modes are fixed when the runtime starts, so such a verb restarts the process in
/// place (execve: same process id, arguments, streams and signals) with the mode it wants — unless the
/// operator chose one through <c>DOTNET_GCConserveMemory</c>, which always wins.
/// </summary>
internal static class GcModeRestart
{
    public const string Variable = "DOTNET_GCConserveMemory";

    /// <summary>The conserve-memory level the runtime is running with (0: off).</summary>
    public static long CurrentConserveMemory =>
        GC.GetConfigurationVariables().TryGetValue("GCConserveMem", out var value) ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Returns only when no restart is needed or possible (then the verb runs in the current mode).</summary>
    public static void Ensure(int conserveMemory)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null || CurrentConserveMemory == conserveMemory)
        {
            return;
        }
        string[] argv;
        try
        {
            // The exact command line the process was started with (the dotnet host and the dll, or the apphost):
            // arguments each ended by a NUL, an empty argument included.
            var commandLine = File.ReadAllText("/proc/self/cmdline");
            argv = (commandLine.EndsWith('\0') ? commandLine[..^1] : commandLine).Split('\0');
        }
        catch (IOException)
        {
            return;
        }
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}")
            .Append($"{Variable}={conserveMemory}")
            .Append(null)
            .ToArray();
        // Returns only when the restart failed; the verb then runs as it is.
        int result;
        try
        {
            result = Execve("/proc/self/exe", [.. argv, null], environment);
        }
        catch (Exception e) when (e is MarshalDirectiveException or DllNotFoundException or EntryPointNotFoundException)
        {
            Console.Error.WriteLine($"ingest: could not restart with {Variable}={conserveMemory}: {e.Message}");
            return;
        }
        if (result < 0)
        {
            Console.Error.WriteLine($"ingest: could not restart with {Variable}={conserveMemory} (errno {Marshal.GetLastPInvokeError()}); running in GC conserve-memory mode {CurrentConserveMemory}");
        }
    }

    // LPStr is UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
