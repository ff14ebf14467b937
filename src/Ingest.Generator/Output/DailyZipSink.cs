using System.IO.Compression;

namespace Ingest.Generator.Output;

/// <summary>One zip per batch day, kept open while the corpus streams (entries arrive in any day order).</summary>
public sealed class DailyZipSink(string folder) : IDisposable
{
    private readonly Dictionary<string, ZipArchive> _archives = new(StringComparer.Ordinal);

    public void Add(string day, string entryName, ReadOnlySpan<byte> bytes)
    {
        if (!_archives.TryGetValue(day, out var zip))
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(Path.Combine(folder, day + ".zip"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            _archives[day] = zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: false);
        }
        var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);
        // A fixed timestamp (the batch day) keeps the archive identical for a seed.
        entry.LastWriteTime = new DateTimeOffset(DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        using var s = entry.Open();
        s.Write(bytes);
    }

    public void Dispose()
    {
        foreach (var zip in _archives.Values)
        {
            zip.Dispose();
        }
        _archives.Clear();
    }
}
