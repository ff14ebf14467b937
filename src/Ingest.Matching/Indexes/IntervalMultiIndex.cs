using System.Numerics;
using System.Runtime.InteropServices;

namespace Ingest.Matching.Indexes;

/// <summary>
/// Records grouped by a key (employer, client), each group sorted by period start with a running
/// maximum of period ends: "which records of this key overlap [s, e]" is a binary search for the
/// last start ≤ e, then a backward scan that stops once the running maximum end falls before s.
/// </summary>
internal sealed class IntervalMultiIndex
{
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotStart;
    private readonly int[] _slotCount;
    private readonly int[] _ids;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[] _maxEnds;
    private readonly int _mask;

    // Home slot = the key's top bits, as in HashMultiIndex: the build fills the table in key order, front to back.
    private readonly int _shift;

    private IntervalMultiIndex(ulong[] slotKeys, int[] slotStart, int[] slotCount, int[] ids, int[] starts, int[] ends, int[] maxEnds, int shift)
    {
        _shift = shift;
        _ends = ends;
        _slotKeys = slotKeys;
        _slotStart = slotStart;
        _slotCount = slotCount;
        _ids = ids;
        _starts = starts;
        _maxEnds = maxEnds;
        _mask = slotKeys.Length - 1;
    }

    public long ApproximateBytes => (long)_slotKeys.Length * 16 + (long)_ids.Length * 16;

    /// <summary>All ids of the key, sorted by period start.</summary>
    public ReadOnlySpan<int> All(ulong key) => TryRun(key, out var start, out var count) ? _ids.AsSpan(start, count) : default;

    /// <summary>Appends the ids of the key whose [start, end] overlaps [from, to] (day numbers, inclusive).</summary>
    public void Overlapping(ulong key, int from, int to, List<int> result)
    {
        if (!TryRun(key, out var start, out var count))
        {
            return;
        }
        // Last position whose start ≤ to.
        int lo = start, hi = start + count - 1, last = start - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] <= to)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        for (var i = last; i >= start && _maxEnds[i] >= from; i--)
        {
            if (EndOf(i) >= from)
            {
                result.Add(_ids[i]);
            }
        }
    }

    private int EndOf(int position) => _ends[position];

    private bool TryRun(ulong key, out int start, out int count)
    {
        var slot = (int)(key >> _shift);
        while (true)
        {
            count = _slotCount[slot];
            if (count == 0)
            {
                start = 0;
                return false;
            }
            if (_slotKeys[slot] == key)
            {
                start = _slotStart[slot];
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Builds from the first <paramref name="length"/> (key, id) pairs (both consumed: sorted in place); <paramref name="periods"/>
    /// holds each id's start and end day numbers, indexed by id: the pairs visit the records in key
    /// order, and a small array read there costs less than a record object. Runs are ordered by key,
    /// then start, then id.
    /// </summary>
    public static IntervalMultiIndex Build(Span<ulong> keys, int[] ids, int length, (int Start, int End)[] periods)
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
        var slotKeys = new ulong[size];
        var slotStart = new int[size];
        var slotCount = new int[size];
        var outIds = new int[length];
        var starts = new int[length];
        var ends = new int[length];
        var maxEnds = new int[length];
        var mask = size - 1;
        var shift = 64 - BitOperations.Log2((uint)size);
        // A key's ids by (start, id), packed in one number each: the sign bit of the start flipped
        // so that unsigned order is the start's order, the id (never negative) below it.
        var byStart = new List<ulong>(16);
        var runStart = 0;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && keys[i] == keys[runStart])
            {
                continue;
            }
            byStart.Clear();
            for (var j = runStart; j < i; j++)
            {
                byStart.Add((ulong)(uint)(periods[ids[j]].Start ^ int.MinValue) << 32 | (uint)ids[j]);
            }
            var ordered = CollectionsMarshal.AsSpan(byStart);
            ordered.Sort();
            for (var j = 0; j < ordered.Length; j++)
            {
                var p = runStart + j;
                var id = (int)(uint)ordered[j];
                outIds[p] = id;
                starts[p] = (int)(uint)(ordered[j] >> 32) ^ int.MinValue;
                ends[p] = periods[id].End;
                maxEnds[p] = j == 0 ? ends[p] : Math.Max(maxEnds[p - 1], ends[p]);
            }
            Place(keys[runStart], runStart, i - runStart);
            runStart = i;
        }
        return new IntervalMultiIndex(slotKeys, slotStart, slotCount, outIds, starts, ends, maxEnds, shift);

        void Place(ulong key, int start, int count)
        {
            var slot = (int)(key >> shift);
            while (slotCount[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = key;
            slotStart[slot] = start;
            slotCount[slot] = count;
        }
    }
}
