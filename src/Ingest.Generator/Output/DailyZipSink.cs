using System.Runtime.CompilerServices;
using System.Globalization;

namespace Ingest.Generator.Output;

/// <summary>One zip per batch day, kept open while the corpus streams (entries arrive in any day order).</summary>
public sealed class DailyZipSink(string folder) : IDisposable
{
    private readonly Dictionary<string, DeterministicZipWriter> _archives = new(StringComparer.Ordinal);

    public void Add(string day, string entryName, ReadOnlySpan<byte> bytes) => Add(day, entryName, EntryDeflater.Deflate(bytes));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(string day, string entryName, in DeflatedEntry entry)
    {
        if (!_archives.TryGetValue(day, out var zip))
        {
            Directory.CreateDirectory(folder);
            // A fixed timestamp (the batch day, 06:00) keeps the archive identical for a seed.
            var stamp = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(6, 0));
            _archives[day] = zip = new DeterministicZipWriter(Path.Combine(folder, day + ".zip"), stamp);
        }
        zip.Add(entryName, entry);
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
