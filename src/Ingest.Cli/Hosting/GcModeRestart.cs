using System.Runtime.InteropServices;

namespace Ingest.Cli.Hosting;

/// <summary>
/// The executable's runtime configuration runs the GC in conserve-memory mode for the nightly run, whose
/// year-long reference data and history would otherwise peak above its memory target. A verb that holds
/// little (the stream worker) pays for that mode in compacting gen2 collections: 20 % more CPU on the
/// stream benchmark. GC modes are fixed when the runtime starts, so such a verb restarts the process in
/// place (execve: same process id, arguments, streams and signals) with the mode it wants — unless the
/// operator chose one through <c>DOTNET_GCConserveMemory</c>, which always wins. The nightly run given a
/// heap limit (<c>reconcile --heap-limit</c>) restarts the same way, into a hard limit without
/// conserve-memory mode.
/// </summary>
internal static class GcModeRestart
{
    public const string Variable = "DOTNET_GCConserveMemory";

    public const string HeapHardLimitVariable = "DOTNET_GCHeapHardLimit";

    /// <summary>The conserve-memory level the runtime is running with (0: off).</summary>
    public static long CurrentConserveMemory =>
        GC.GetConfigurationVariables().TryGetValue("GCConserveMem", out var value) ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// Returns only when no restart is needed or possible (then the verb runs in the current mode).
    /// A variable already in the environment is the operator's choice (or this restart's) and wins.
    /// </summary>
    public static void Ensure(IReadOnlyList<KeyValuePair<string, string>> wanted)
    {
        var missing = wanted
            .Where(v => Environment.GetEnvironmentVariable(v.Key) is null)
            .Where(v => v.Key != Variable || CurrentConserveMemory.ToString(System.Globalization.CultureInfo.InvariantCulture) != v.Value)
            .ToList();
        if (!OperatingSystem.IsLinux() || missing.Count == 0)
        {
            return;
        }
        var settings = string.Join(" ", missing.Select(v => $"{v.Key}={v.Value}"));
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
            .Concat(missing.Select(v => $"{v.Key}={v.Value}"))
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
            Console.Error.WriteLine($"ingest: could not restart with {settings}: {e.Message}");
            return;
        }
        if (result < 0)
        {
            Console.Error.WriteLine($"ingest: could not restart with {settings} (errno {Marshal.GetLastPInvokeError()}); running with the executable's GC settings (conserve-memory {CurrentConserveMemory})");
        }
    }

    // LPStr is UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
