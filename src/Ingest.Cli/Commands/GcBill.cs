using System.Globalization;

namespace Ingest.Cli.Commands;

/// <summary>The process's garbage collections and their pauses so far; subtracted to bill one phase of a run.</summary>
internal readonly record struct GcBill(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated, long PeakWorkingSet)
{
    public static GcBill Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), process.PeakWorkingSet64);
    }

    /// <summary>The phase from <paramref name="b"/> to <paramref name="a"/>; its peak is the process's by its end.</summary>
    public static GcBill operator -(GcBill a, GcBill b) =>
        new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Allocated - b.Allocated, a.PeakWorkingSet);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Allocated / 1e9:F2} GB allocated, GC {Gen0}/{Gen1}/{Gen2}, paused {Paused.TotalSeconds:F1} s, peak working set {PeakWorkingSet / 1e9:F2} GB by its end");
}
