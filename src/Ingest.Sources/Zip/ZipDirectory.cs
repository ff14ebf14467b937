using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Sources.Zip;

/// <summary>
/// Reads a zip archive's central directory (zip64 included) so entries can be fetched as raw
/// compressed bytes and inflated later, in parallel, by the parse workers. Returns null for what
/// it does not understand (a multi-disk archive, a damaged directory); the caller then falls back
/// to System.IO.Compression, which reports such archives its own way.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64EndLocator = 0x07064b50;
    private const uint Zip64End = 0x06064b50;
    private const uint CentralHeader = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;
    private const int EndRecordSize = 22;
    private const int MaxComment = 0xFFFF;

    public static List<ZipEntryInfo>? Read(SafeFileHandle file) => WithDirectory<List<ZipEntryInfo>?>(file, ParseDirectory, null);

    /// <summary>
    /// Files (not directories) in the archive, from its central directory, without an entry name
    /// made into a string: a progress total for a year's ~1 000 archives, which had cost 1.2 M
    /// strings; null when the directory is unreadable.
    /// </summary>
    public static long? CountFiles(SafeFileHandle file) => WithDirectory<long?>(file, static (directory, expected) =>
    {
        var (count, files) = (0L, 0L);
        var headers = new CentralHeaders(directory);
        while (headers.MoveNext())
        {
            count++;
            var name = CentralHeaders.Name(headers.Current);
            if (name.IsEmpty || name[^1] != (byte)'/')
            {
                files++;
            }
        }
        return !headers.Broken && count == expected ? files : null;
    }, null);

    private delegate T DirectoryReader<T>(ReadOnlySpan<byte> directory, long expected);

    /// <summary>
    /// Finds the central directory (zip64 included), reads it into a pooled buffer and hands it to
    /// <paramref name="reader"/>; <paramref name="unreadable"/> when there is none to read.
    /// </summary>
    private static T WithDirectory<T>(SafeFileHandle file, DirectoryReader<T> reader, T unreadable)
    {
        var length = RandomAccess.GetLength(file);
        if (length < EndRecordSize)
        {
            return unreadable;
        }
        // Both buffers are pooled: a year's run reads ~1 000 directories twice (counting, then reading),
        // and a directory of a thousand entries is a large-object-heap array, which counts towards a full collection.
        var tailLength = (int)Math.Min(length, EndRecordSize + MaxComment + 20);
        var tail = ArrayPool<byte>.Shared.Rent(tailLength);
        long entries, size, offset;
        try
        {
            RandomAccess.Read(file, tail.AsSpan(0, tailLength), length - tailLength);
            var end = FindEndRecord(tail.AsSpan(0, tailLength));
            if (end < 0)
            {
                return unreadable;
            }
            var record = tail.AsSpan(end);
            if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(record[6..]) != 0)
            {
                return unreadable; // multi-disk
            }
            entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
            offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            if ((entries == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF)
                && !TryReadZip64End(file, tail, end, length - tailLength, ref entries, ref size, ref offset))
            {
                return unreadable;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tail);
        }
        if (offset < 0 || size < 0 || offset + size > length || size > int.MaxValue)
        {
            return unreadable;
        }
        var directory = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            var read = directory.AsSpan(0, (int)size);
            RandomAccess.Read(file, read, offset);
            return reader(read, entries);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(directory);
        }
    }

    /// <summary>Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's.</summary>
    public static long DataOffset(ZipWindow window, in ZipEntryInfo entry)
    {
        var header = window.Get(entry.LocalHeaderOffset, 30);
        if (header.Length != 30 || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeader)
        {
            throw new InvalidDataException($"no local header for {entry.Name} at byte {entry.LocalHeaderOffset}");
        }
        return entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
    }

    private static int FindEndRecord(ReadOnlySpan<byte> tail)
    {
        for (var i = tail.Length - EndRecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) == EndOfCentralDirectory
                && i + EndRecordSize + BinaryPrimitives.ReadUInt16LittleEndian(tail[(i + 20)..]) == tail.Length)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool TryReadZip64End(SafeFileHandle file, byte[] tail, int end, long tailStart, ref long entries, ref long size, ref long offset)
    {
        var locator = end - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != Zip64EndLocator)
        {
            return false;
        }
        var recordOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
        Span<byte> record = stackalloc byte[56];
        if (recordOffset < 0 || recordOffset + record.Length > tailStart + locator
            || RandomAccess.Read(file, record, recordOffset) != record.Length
            || BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64End)
        {
            return false;
        }
        entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        size = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[40..]);
        offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[48..]);
        return true;
    }

    private static List<ZipEntryInfo>? ParseDirectory(ReadOnlySpan<byte> directory, long expected)
    {
        var list = new List<ZipEntryInfo>((int)Math.Min(expected, 1 << 20));
        var headers = new CentralHeaders(directory);
        while (headers.MoveNext())
        {
            var h = headers.Current;
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
            var name = Encoding.UTF8.GetString(CentralHeaders.Name(h));
            if (!ApplyZip64Extra(h.Slice(46 + nameLength, extraLength), ref uncompressed, ref compressed, ref local))
            {
                return null;
            }
            list.Add(new ZipEntryInfo(name, method, flags, compressed, uncompressed, local, crc));
        }
        return !headers.Broken && list.Count == expected ? list : null;
    }

    /// <summary>
    /// The central directory's file headers in turn, each whole (fixed part, name, extra field,
    /// comment); the walk stops at the first bytes that are not a header, and is <see cref="Broken"/>
    /// when a header runs past the directory.
    /// </summary>
    private ref struct CentralHeaders
    {
        private readonly ReadOnlySpan<byte> _directory;
        private int _at;

        public CentralHeaders(ReadOnlySpan<byte> directory) => _directory = directory;

        public ReadOnlySpan<byte> Current { get; private set; }

        public bool Broken { get; private set; }

        public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> header) => header.Slice(46, BinaryPrimitives.ReadUInt16LittleEndian(header[28..]));

        public bool MoveNext()
        {
            if (_at + 46 > _directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(_directory[_at..]) != CentralHeader)
            {
                return false;
            }
            var h = _directory[_at..];
            var length = 46 + BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(h[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            if (length > h.Length)
            {
                Broken = true;
                return false;
            }
            Current = h[..length];
            _at += length;
            return true;
        }
    }

    /// <summary>The zip64 extra field holds, in this order, only the values whose 32-bit slot is saturated.</summary>
    private static bool ApplyZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long local)
    {
        if (uncompressed != 0xFFFFFFFF && compressed != 0xFFFFFFFF && local != 0xFFFFFFFF)
        {
            return true;
        }
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + length > extra.Length)
            {
                return false;
            }
            if (id == 0x0001)
            {
                var field = extra.Slice(4, length);
                if (uncompressed == 0xFFFFFFFF && !Take(ref field, out uncompressed))
                {
                    return false;
                }
                if (compressed == 0xFFFFFFFF && !Take(ref field, out compressed))
                {
                    return false;
                }
                return local != 0xFFFFFFFF || Take(ref field, out local);
            }
            extra = extra[(4 + length)..];
        }
        return false;
    }

    private static bool Take(ref ReadOnlySpan<byte> field, out long value)
    {
        if (field.Length < 8)
        {
            value = 0;
            return false;
        }
        value = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
        field = field[8..];
        return value >= 0;
    }
}
