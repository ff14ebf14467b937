using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Sed;

/// <summary>
/// Interns short ASCII values (country, sex, article and yes/no codes, SED types), which repeat in
/// every SED, so they cost no allocation after first sight. A direct-mapped table keyed by the value's
/// bytes packed in 64 bits: one multiply and one compare per lookup, and bounded, so hostile input
/// cannot grow it (a colliding value only evicts another).
/// </summary>
internal sealed class ValueCache
{
    private const int SlotBits = 12;
    private readonly ulong[] _keys = new ulong[1 << SlotBits];
    private readonly string?[] _values = new string?[1 << SlotBits];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > 7)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        ulong key = (ulong)utf8.Length;
        var high = 0;
        foreach (var b in utf8)
        {
            key = (key << 8) | b;
            high |= b;
        }
        if (high >= 0x80)
        {
            return Encoding.UTF8.GetString(utf8);
        }
        var slot = Slot(key);
        var value = _values[slot];
        if (value is not null && _keys[slot] == key)
        {
            return value;
        }
        value = Encoding.ASCII.GetString(utf8);
        _keys[slot] = key;
        _values[slot] = value;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
}
