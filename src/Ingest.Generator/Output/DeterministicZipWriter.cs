using System.Runtime.CompilerServices;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Ingest.Generator.Output;

/// <summary>
/// A minimal zip writer for entries deflated beforehand: local headers, data, central directory and
/// end record, no data descriptors, no extra fields, one fixed timestamp. ZipArchive cannot take
/// precompressed data, and writing the container ourselves lets deflate run on every core.
/// No zip64: a daily batch stays far below 65 535 entries and 4 GiB (checked).
/// </summary>
internal sealed class DeterministicZipWriter : IDisposable
{
    private const ushort VersionNeeded = 20;
    private const ushort MethodDeflate = 8;
    private const ushort FlagUtf8Names = 1 << 11;
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _central = new(16 * 1024);
    private readonly ushort _dosTime;
    private readonly ushort _dosDate;
    private long _offset;
    private int _count;

    public DeterministicZipWriter(string path, DateTime timestamp)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 15);
        _dosTime = (ushort)((timestamp.Hour << 11) | (timestamp.Minute << 5) | (timestamp.Second / 2));
        _dosDate = (ushort)(((timestamp.Year - 1980) << 9) | (timestamp.Month << 5) | timestamp.Day);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string entryName, in DeflatedEntry entry)
    {
        var nameLength = Encoding.UTF8.GetByteCount(entryName);
        if (_count == ushort.MaxValue || _offset + 30 + nameLength + entry.Data.Length > uint.MaxValue)
        {
            throw new InvalidOperationException("a daily zip would need zip64 (over 65 535 entries or 4 GiB); use fewer SEDs per day");
        }
        var flags = nameLength == entryName.Length ? (ushort)0 : FlagUtf8Names;
        Span<byte> local = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
        WriteCommon(local[4..], flags, entry, nameLength);
        BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0);
        _stream.Write(local);
        Span<byte> name = nameLength <= 256 ? stackalloc byte[nameLength] : new byte[nameLength];
        Encoding.UTF8.GetBytes(entryName, name);
        _stream.Write(name);
        _stream.Write(entry.Data.Span);

        var central = _central.GetSpan(46 + nameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(central[4..], VersionNeeded); // made by: MS-DOS, 2.0
        WriteCommon(central[6..], flags, entry, nameLength);
        central[30..42].Clear(); // extra, comment, disk, internal and external attributes
        BinaryPrimitives.WriteUInt32LittleEndian(central[42..], (uint)_offset);
        name.CopyTo(central[46..]);
        _central.Advance(46 + nameLength);

        _offset += 30 + nameLength + entry.Data.Length;
        _count++;
    }

    /// <summary>version needed … name length: the 24 bytes local and central headers share.</summary>
    private void WriteCommon(Span<byte> s, ushort flags, in DeflatedEntry entry, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s, VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(s[4..], MethodDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(s[6..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(s[10..], entry.Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(s[14..], (uint)entry.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(s[18..], (uint)entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], (ushort)nameLength);
    }

    public void Dispose()
    {
        _stream.Write(_central.WrittenSpan);
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)_central.WrittenCount);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)_offset);
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0);
        _stream.Write(end);
        _stream.Dispose();
    }
}
