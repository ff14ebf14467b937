namespace Ingest.Matching.Indexes;

/// <summary>
/// Collects (key, id) pairs in growable arrays, then freezes them into a <see cref="HashMultiIndex"/>.
/// Give a capacity that is rarely exceeded: each growth leaves a large-object array behind, and the
/// large-object budget running out is what sets off most full collections while a register is indexed.
/// </summary>
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

    public int Count => _count;

    /// <summary>The pairs as parallel arrays (longer than <see cref="Count"/>), for an index that sorts them itself.</summary>
    public (ulong[] Keys, int[] Ids) Arrays => (_keys, _ids);

    public HashMultiIndex Build(Comparison<int>? orderWithinKey = null) => HashMultiIndex.Build(_keys, _ids, _count, orderWithinKey);
}
