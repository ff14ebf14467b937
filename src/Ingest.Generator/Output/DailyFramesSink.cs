using System.Globalization;
using System.Text;

namespace Ingest.Generator.Output;

/// <summary>One multi-document file per batch day: "#SED &lt;length&gt;\n&lt;bytes&gt;\n" frames (FORMATS.md §3).</summary>
public sealed class DailyFramesSink(string folder) : IDisposable
{
    private readonly Dictionary<string, (FileStream Stream, int Frames)> _files = new(StringComparer.Ordinal);

    /// <summary>Appends a frame and returns its index in the day's file.</summary>
    public int Add(string day, ReadOnlySpan<byte> bytes)
    {
        if (!_files.TryGetValue(day, out var f))
        {
            Directory.CreateDirectory(folder);
            f = (new FileStream(Path.Combine(folder, day + ".seds"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), 0);
        }
        f.Stream.Write(Encoding.ASCII.GetBytes("#SED " + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
        f.Stream.Write(bytes);
        f.Stream.WriteByte((byte)'\n');
        _files[day] = (f.Stream, f.Frames + 1);
        return f.Frames;
    }

    public void Dispose()
    {
        foreach (var f in _files.Values)
        {
            f.Stream.Dispose();
        }
        _files.Clear();
    }
}
