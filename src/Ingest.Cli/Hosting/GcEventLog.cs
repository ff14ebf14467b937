using System.Globalization;

namespace Ingest.Cli.Hosting;

/// <summary>
/// One line a garbage collection (generation, kind, pause, promoted bytes, heap after) into the file
/// that <c>INGEST_GC_LOG</c> names: where a run's pauses come from without a tracing tool. Collections
/// are found by polling the runtime's last-collection info every few milliseconds, so two in one
/// interval show as one (the line then says how many were missed).
/// </summary>
internal sealed class GcEventLog : IDisposable
{
    public const string Variable = "INGEST_GC_LOG";

    private readonly StreamWriter _writer;
    private readonly Thread _thread;
    private readonly DateTime _started = DateTime.UtcNow;
    private volatile bool _stopping;

    private GcEventLog(string path)
    {
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
        _writer.WriteLine("seconds\tindex\tgeneration\tkind\tcompacted\tpause_ms\tpromoted_mb\theap_mb\tfragmented_mb\tmissed");
        _thread = new Thread(Poll) { IsBackground = true, Name = "gc-log" };
        _thread.Start();
    }

    public static GcEventLog? StartIfAsked() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? new GcEventLog(path) : null;

    private void Poll()
    {
        long last = 0;
        while (!_stopping)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index > last)
            {
                var kind = info.Generation < 2 ? "ephemeral" : info.Concurrent ? "background" : "blocking";
                var pause = info.PauseDurations.Length > 0 ? info.PauseDurations[0].TotalMilliseconds : 0;
                _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(DateTime.UtcNow - _started).TotalSeconds:F2}\t{info.Index}\t{info.Generation}\t{kind}\t{info.Compacted}\t{pause:F1}\t{info.PromotedBytes / 1e6:F1}\t{info.HeapSizeBytes / 1e6:F0}\t{info.FragmentedBytes / 1e6:F0}\t{Math.Max(0, info.Index - last - 1)}"));
                last = info.Index;
            }
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _writer.Dispose();
    }
}
