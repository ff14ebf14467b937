using System.Buffers.Binary;
using System.Text;

namespace Ingest.Core.Reference.Reading;

/// <summary>
/// Hands out one string per recurring UTF-8 value (dates, country codes, statuses, names of a
/// population, employer ids) while a reference file is decoded: a million records otherwise hold
/// millions of copies of a few thousand values. Direct-mapped and bounded, so a value that collides
/// only evicts another; one pool per decoding thread, so no locks. Values of up to 16 bytes (nearly
/// all of them) are compared inside the table entry, without touching the heap.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int Bits = 15;
    private const int InlineLength = 16;
    private const int MaxLength = 96;
    private readonly Entry[] _entries = new Entry[1 << Bits];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        if (length == 0)
        {
            return "";
        }
        if (length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        ulong head, tail;
        if (length <= InlineLength)
        {
            Span<byte> padded = stackalloc byte[InlineLength];
            padded.Clear();
            utf8.CopyTo(padded);
            head = BinaryPrimitives.ReadUInt64LittleEndian(padded);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]);
        }
        else
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = Fnv(utf8[8..]);
        }
        var mixed = ((head * 0x9E3779B97F4A7C15UL) ^ (tail + (ulong)length)) * 0xBF58476D1CE4E5B9UL;
        ref var entry = ref _entries[(int)(mixed >> (64 - Bits))];
        if (entry.Value is { } cached && entry.Head == head && entry.Tail == tail && entry.Length == length
            && (length <= InlineLength || utf8.SequenceEqual(entry.Long)))
        {
            return cached;
        }
        var value = Encoding.UTF8.GetString(utf8);
        entry = new Entry(head, tail, length, value, length <= InlineLength ? null : utf8.ToArray());
        return value;
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }
        return h;
    }

    private readonly record struct Entry(ulong Head, ulong Tail, int Length, string? Value, byte[]? Long);
}
