namespace Ingest.Matching.Indexes;

/// <summary>
/// An immutable multimap from 64-bit key hashes to record ids: the (key, id) pairs are sorted by
/// key into two flat arrays, and an open-addressing table maps each distinct key to its run. About
/// 12 bytes per pair plus 16 per distinct key slot; lookups touch one or two cache lines.
/// </summary>
internal sealed class HashMultiIndex
{
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotStart;
    private readonly int[] _slotCount;
    private readonly int[] _ids;
    private readonly int _mask;

    private HashMultiIndex(ulong[] slotKeys, int[] slotStart, int[] slotCount, int[] ids, int distinct)
    {
        _slotKeys = slotKeys;
        _slotStart = slotStart;
        _slotCount = slotCount;
        _ids = ids;
        _mask = slotKeys.Length - 1;
        DistinctKeys = distinct;
    }

    public int Count => _ids.Length;

    public int DistinctKeys { get; }

    public long ApproximateBytes => (long)_slotKeys.Length * 16 + (long)_ids.Length * 4;

    /// <summary>Ids sharing the key, in ascending id order (ties keep the order the builder gave).</summary>
    public ReadOnlySpan<int> Lookup(ulong key)
    {
        var slot = (int)key & _mask;
        while (true)
        {
            var count = _slotCount[slot];
            if (count == 0)
            {
                return default;
            }
            if (_slotKeys[slot] == key)
            {
                return _ids.AsSpan(_slotStart[slot], count);
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Builds from parallel arrays of keys and ids (both consumed: they are sorted in place).</summary>
    public static HashMultiIndex Build(ulong[] keys, int[] ids, int length, Comparison<int>? orderWithinKey = null)
    {
        Array.Sort(keys, ids, 0, length);
        var distinct = 0;
        for (var i = 0; i < length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                distinct++;
            }
        }
        var size = 16;
        while (size < distinct * 2)
        {
            size <<= 1;
        }
        var slotKeys = new ulong[size];
        var slotStart = new int[size];
        var slotCount = new int[size];
        var mask = size - 1;
        var start = 0;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && keys[i] == keys[start])
            {
                continue;
            }
            if (orderWithinKey is not null && i - start > 1)
            {
                ids.AsSpan(start, i - start).Sort(orderWithinKey);
            }
            else if (i - start > 1)
            {
                ids.AsSpan(start, i - start).Sort();
            }
            var slot = (int)keys[start] & mask;
            while (slotCount[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = keys[start];
            slotStart[slot] = start;
            slotCount[slot] = i - start;
            start = i;
        }
        var finalIds = ids.Length == length ? ids : ids[..length];
        return new HashMultiIndex(slotKeys, slotStart, slotCount, finalIds, distinct);
    }
}
