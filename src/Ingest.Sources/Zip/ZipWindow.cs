using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Sources.Zip;

/// <summary>
/// A window of an archive's bytes read in large sequential chunks. Entries of a SED archive are a few
/// kilobytes each: reading each entry's local header and data with their own system calls cost two
/// calls a SED (2.4 million for a year), and with the data not yet in the page cache each one waited
/// for its own small disk read. Through the window an archive is read a megabyte at a time, in order,
/// and the entries are copied out of memory. Entries out of archive order only cost a refill.
/// </summary>
internal sealed class ZipWindow(SafeFileHandle file, int capacity = ZipWindow.DefaultCapacity) : IDisposable
{
    public const int DefaultCapacity = 1 << 20;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private long _start;
    private int _length;

    /// <summary>The largest span <see cref="Get"/> can return; longer ranges are read directly by the caller.</summary>
    public int Capacity => capacity;

    /// <summary>
    /// The bytes from <paramref name="offset"/>, <paramref name="count"/> of them (at most
    /// <see cref="Capacity"/>), or fewer when the file ends first. Valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Get(long offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, capacity);
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(ZipWindow));
        if (offset < _start || offset + count > _start + _length)
        {
            Fill(buffer, offset);
        }
        var at = (int)(offset - _start);
        return buffer.AsSpan(at, Math.Min(count, _length - at));
    }

    private void Fill(byte[] buffer, long offset)
    {
        _start = offset;
        _length = ReadAt(file, buffer.AsSpan(0, capacity), offset);
    }

    /// <summary>Reads into all of <paramref name="destination"/> from <paramref name="offset"/>; the count read, short only where the file ends.</summary>
    public static int ReadAt(SafeFileHandle file, Span<byte> destination, long offset)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            var read = RandomAccess.Read(file, destination[filled..], offset + filled);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
