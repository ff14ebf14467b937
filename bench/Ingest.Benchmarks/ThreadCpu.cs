using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingest.Benchmarks;

/// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): pre-emption does not count.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static long Nanoseconds() =>
        ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
