using Ingest.Core.Units;

namespace Ingest.Sources;

/// <summary>
/// Opens an input file, or says why it cannot be read (a dangling link, no permission, gone since the
/// folder was listed) as the one unit that file yields: quarantined with the reason, the run goes on.
/// </summary>
internal static class UnreadableFile
{
    public static (FileStream? Stream, InputUnit? Error) Open(string path, int bufferSize)
    {
        try
        {
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputUnit(new UnitId(path, null, 0), ReadOnlyMemory<byte>.Empty) { FramingError = $"file is unreadable: {e.Message}" });
        }
    }
}
