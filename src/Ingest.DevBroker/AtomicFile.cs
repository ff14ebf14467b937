namespace Ingest.DevBroker;

/// <summary>Readers never see a half-written file: write beside it, then rename over it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, content);
        File.Move(temp, full, overwrite: true);
    }
}
