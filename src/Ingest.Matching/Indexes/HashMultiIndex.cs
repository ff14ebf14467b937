using System.Numerics;
using System.Runtime.InteropServices;

namespace Ingest.Matching.Indexes;

/// <summary>
/// An immutable multimap from 64-bit key hashes to record ids: the (key, id) pairs are sorted by
/// key into one flat array of ids, and an open-addressing table of 16-byte slots (key, start,
/// count: four a cache line) maps each distinct key to its run. A key with a single id keeps that
/// id in its slot, so most lookups touch one cache line. About 4 bytes per pair plus 16 per slot.
/// </summary>
internal sealed class HashMultiIndex
{
    private readonly Slot[] _slots;
    private readonly int[] _ids;
    private readonly int _mask;

    // A key's home slot is its top bits, not its low ones: the build then meets the keys, sorted, in
    // slot order and fills the table front to back instead of missing the cache at every distinct key.
    private readonly int _shift;

    private HashMultiIndex(Slot[] slots, int[] ids, int count, int distinct, int shift)
    {
        _slots = slots;
        _ids = ids;
        _mask = slots.Length - 1;
        _shift = shift;
        Count = count;
        DistinctKeys = distinct;
    }

    /// <summary>Pairs held (the ids array may be longer: the builder's, kept rather than copied).</summary>
    public int Count { get; }

    public int DistinctKeys { get; }

    public long ApproximateBytes => (long)_slots.Length * 16 + (long)_ids.Length * 4;

    /// <summary>Ids sharing the key, in ascending id order (ties keep the order the builder gave).</summary>
    public ReadOnlySpan<int> Lookup(ulong key)
    {
        var slots = _slots;
        var slot = (int)(key >> _shift);
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.Count == 0)
            {
                return default;
            }
            if (s.Key == key)
            {
                return s.Count == 1 ? MemoryMarshal.CreateReadOnlySpan(in s.Start, 1) : _ids.AsSpan(s.Start, s.Count);
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Asks the processor to fetch the key's first slot: a caller with several keys prefetches
    /// them all, then looks them up, so that their cache misses overlap instead of queueing.
    /// </summary>
    public void Prefetch(ulong key) => Indexes.Prefetch.Element(_slots, (int)(key >> _shift));

    /// <summary>
    /// For a key whose slot was prefetched a while ago: its only id, or -1 (no id, or several, whose
    /// first line of ids is then prefetched), so that the caller can prefetch what the ids lead to.
    /// </summary>
    public int SingleIdOrPrefetchRun(ulong key)
    {
        var slots = _slots;
        var slot = (int)(key >> _shift);
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.Count == 0)
            {
                return -1;
            }
            if (s.Key == key)
            {
                if (s.Count == 1)
                {
                    return s.Start;
                }
                Indexes.Prefetch.Element(_ids, s.Start);
                return -1;
            }
            slot = (slot + 1) & _mask;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key;
        /// <summary>Start of the run in the ids; the id itself when <see cref="Count"/> is 1.</summary>
        public int Start;
        public int Count;
    }

    /// <summary>Builds from the first <paramref name="length"/> keys and ids (both consumed: they are sorted in place; the ids array is kept).</summary>
    public static HashMultiIndex Build(Span<ulong> keys, int[] ids, int length, Comparison<int>? orderWithinKey = null)
    {
        keys = keys[..length];
        KeyRadixSort.Sort(keys, ids.AsSpan(0, length));
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
        var slots = new Slot[size];
        var mask = size - 1;
        var shift = 64 - BitOperations.Log2((uint)size);
        var start = 0;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && keys[i] == keys[start])
            {
                continue;
            }
            var run = i - start;
            if (run == 2 && orderWithinKey is null)
            {
                // Most runs of several ids are two namesakes: one compare, not a sort call.
                if (ids[start] > ids[start + 1])
                {
                    (ids[start], ids[start + 1]) = (ids[start + 1], ids[start]);
                }
            }
            else if (run > 1)
            {
                var span = ids.AsSpan(start, run);
                if (orderWithinKey is not null)
                {
                    span.Sort(orderWithinKey);
                }
                else
                {
                    span.Sort();
                }
            }
            var slot = (int)(keys[start] >> shift);
            while (slots[slot].Count != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = new Slot { Key = keys[start], Start = i - start == 1 ? ids[start] : start, Count = i - start };
            start = i;
        }
        // The builder's array is kept unless mostly slack: a trimmed copy is one more large-object
        // allocation, and those are what set off the full collections of a register's build.
        var finalIds = ids.Length - length > length / 8 ? ids[..length] : ids;
        return new HashMultiIndex(slots, finalIds, length, distinct, shift);
    }
}
