using System.Globalization;
using Ingest.Pipeline;

namespace Ingest.Cli.Hosting;

/// <summary>
/// A live progress bar with rate and ETA on a terminal; a log line every few seconds otherwise
/// (CI logs, cron mail). Writes to stderr so stdout stays for results.
/// </summary>
internal sealed class ProgressDisplay(long expectedUnits, TextWriter output, bool interactive)
{
    private TimeSpan _lastLine = TimeSpan.Zero;
    private bool _completeShown;

    public static ProgressDisplay ForConsole(long expectedUnits) =>
        new(expectedUnits, Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"));

    /// <summary>Minutes and seconds, with the hours in front past an hour (mm:ss alone wraps at 60 minutes).</summary>
    internal static string Eta(TimeSpan left) => left.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours}:{left:mm\\:ss}")
        : left.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public void Report(RunCounters c, TimeSpan elapsed)
    {
        var done = c.Written;
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var mbps = c.BytesRead / seconds / 1e6;
        string eta = "";
        double fraction = 0;
        if (expectedUnits > 0)
        {
            fraction = Math.Clamp(done / (double)expectedUnits, 0, 1);
            eta = rate > 0 && done < expectedUnits ? " ETA " + Eta(TimeSpan.FromSeconds((expectedUnits - done) / rate)) : "";
        }
        var counts = string.Create(CultureInfo.InvariantCulture, $"{done:N0} units, {c.Seds:N0} SEDs, {c.Quarantined:N0} quarantined, {rate:N0}/s, {mbps:N0} MB/s{eta}");
        if (interactive)
        {
            const int Width = 30;
            var filled = (int)(fraction * Width);
            var bar = expectedUnits > 0 ? "[" + new string('#', filled) + new string('.', Width - filled) + $"] {fraction,4:P0} " : "";
            output.Write($"\r{bar}{counts}   ");
        }
        else if (elapsed - _lastLine >= TimeSpan.FromSeconds(5) || (expectedUnits > 0 && done >= expectedUnits && !_completeShown))
        {
            _lastLine = elapsed;
            _completeShown |= expectedUnits > 0 && done >= expectedUnits;
            output.WriteLine($"progress: {counts}");
        }
    }

    public void Finish()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }
}
