namespace Ingest.Matching.Indexes;

/// <summary>Collects (key, id) pairs in growable arrays, then freezes them into a <see cref="HashMultiIndex"/>.</summary>
internal sealed class HashMultiIndexBuilder(int capacity)
{
    private ulong[] _keys = new ulong[Math.Max(16, capacity)];
    private int[] _ids = new int[Math.Max(16, capacity)];
    private int _count;

    public void Add(ulong key, int id)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _ids, _count * 2);
        }
        _keys[_count] = key;
        _ids[_count] = id;
        _count++;
    }

    public HashMultiIndex Build(Comparison<int>? orderWithinKey = null) => HashMultiIndex.Build(_keys, _ids, _count, orderWithinKey);
}
