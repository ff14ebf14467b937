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

    private IntervalMultiIndex(ulong[] slotKeys, int[] slotStart, int[] slotCount, int[] ids, int[] starts, int[] ends, int[] maxEnds)
    {
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
        var slot = (int)key & _mask;
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

    /// <summary>Builds from (key, id) pairs; periods give each id's start and end day numbers.</summary>
    public static IntervalMultiIndex Build(ulong[] keys, int[] ids, int length, Func<int, (int Start, int End)> period)
    {
        // Sort by key, then by start.
        var sortKeys = new (ulong Key, int Start, int Id)[length];
        for (var i = 0; i < length; i++)
        {
            sortKeys[i] = (keys[i], period(ids[i]).Start, ids[i]);
        }
        Array.Sort(sortKeys);
        var distinct = 0;
        for (var i = 0; i < length; i++)
        {
            if (i == 0 || sortKeys[i].Key != sortKeys[i - 1].Key)
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
        var runStart = 0;
        for (var i = 0; i < length; i++)
        {
            var (key, s, id) = sortKeys[i];
            outIds[i] = id;
            starts[i] = s;
            ends[i] = period(id).End;
            if (i > 0 && key != sortKeys[i - 1].Key)
            {
                Place(sortKeys[runStart].Key, runStart, i - runStart);
                runStart = i;
            }
            maxEnds[i] = i == runStart ? ends[i] : Math.Max(maxEnds[i - 1], ends[i]);
        }
        if (length > 0)
        {
            Place(sortKeys[runStart].Key, runStart, length - runStart);
        }
        return new IntervalMultiIndex(slotKeys, slotStart, slotCount, outIds, starts, ends, maxEnds);

        void Place(ulong key, int start, int count)
        {
            var slot = (int)key & mask;
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
