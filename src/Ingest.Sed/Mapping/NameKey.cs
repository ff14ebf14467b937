using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ingest.Sed.Mapping;

/// <summary>
/// Two words read from an element name (or a value) with overlapping loads that never leave the span: with the
/// length they identify any name of up to <see cref="ExactLength"/> bytes exactly (the head and tail
/// words cover every byte); longer names also need <see cref="LongEquals"/>.
/// </summary>
internal readonly struct NameKey : IEquatable<NameKey>
{
    public const int ExactLength = 16;
    public const int MaxLength = 255;

    private readonly ulong _head;
    private readonly ulong _tail;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NameKey(ReadOnlySpan<byte> name)
    {
        var n = name.Length;
        if (n >= 8)
        {
            _head = BinaryPrimitives.ReadUInt64LittleEndian(name);
            _tail = BinaryPrimitives.ReadUInt64LittleEndian(name[(n - 8)..]);
        }
        else if (n >= 4)
        {
            _head = BinaryPrimitives.ReadUInt32LittleEndian(name) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[(n - 4)..]) << 32);
            _tail = 0;
        }
        else
        {
            _head = n == 0 ? 0 : name[0] | ((ulong)name[n >> 1] << 8) | ((ulong)name[n - 1] << 16);
            _tail = 0;
        }
    }

    /// <summary>Slot for this key under <paramref name="tag"/> (parent node and length) in a table of 2^(64 - shift) slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Hash(uint tag, int shift) =>
        // One multiply: its latency sits on every element's critical path (the rotation keeps head == tail from cancelling).
        (int)(((_head ^ BitOperations.RotateLeft(_tail, 29) ^ tag) * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>True when no byte has its high bit set; exact for names of up to <see cref="ExactLength"/> bytes (the words cover them).</summary>
    public bool IsAscii => ((_head | _tail) & 0x8080_8080_8080_8080UL) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(NameKey other) => _head == other._head && _tail == other._tail;

    public override bool Equals(object? obj) => obj is NameKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_head, _tail);

    /// <summary>Equality of two names of the same length above 16 bytes: 16-byte chunks, the last one overlapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LongEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length || a.Length < 16)
        {
            return a.SequenceEqual(b);
        }
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var last = (nuint)(a.Length - 16);
        for (nuint i = 0; i < last; i += 16)
        {
            if (Vector128.LoadUnsafe(ref ra, i) != Vector128.LoadUnsafe(ref rb, i))
            {
                return false;
            }
        }
        return Vector128.LoadUnsafe(ref ra, last) == Vector128.LoadUnsafe(ref rb, last);
    }
}
