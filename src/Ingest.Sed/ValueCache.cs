using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Sed;

/// <summary>
/// Makes the strings of kept values. Short ASCII values (country, sex, article and yes/no codes, SED
/// types), which repeat in every SED, are interned in a direct-mapped table keyed by their bytes packed
/// in 64 bits, so they cost no allocation after first sight: one multiply and one compare per lookup,
/// and bounded, so hostile input cannot grow it (a colliding value only evicts another).
/// </summary>
internal sealed class ValueCache
{
    // 256 slots of 24 bytes stay in L1 next to the field maps; the codes of a SED number a few dozen.
    private const int SlotBits = 8;
    private const int MaxInterned = 8;
    private readonly Entry[] _entries = new Entry[1 << SlotBits];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var n = utf8.Length;
        if (n is 0 or > MaxInterned)
        {
            return Create(utf8);
        }
        // Overlapping loads that stay inside the span; with the length they identify the value exactly.
        ulong key = n >= 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(utf8) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8[(n - 4)..]) << 32)
            : utf8[0] | ((ulong)utf8[n >> 1] << 8) | ((ulong)utf8[n - 1] << 16);
        if ((key & 0x8080_8080_8080_8080UL) != 0)
        {
            return Create(utf8);
        }
        ref var entry = ref _entries[Slot(key, n)];
        if (entry.Key == key && entry.Length == n && entry.Value is { } value)
        {
            return value;
        }
        value = Encoding.Latin1.GetString(utf8);
        entry = new Entry(key, n, value);
        return value;
    }

    /// <summary>A new string; ASCII (most values) is widened without a second UTF-8 validation.</summary>
    public static string Create(ReadOnlySpan<byte> utf8) =>
        System.Text.Ascii.IsValid(utf8) ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key, int length) => (int)(((key + (ulong)length) * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    private readonly record struct Entry(ulong Key, int Length, string? Value);
}
