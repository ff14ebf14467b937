using System.Runtime.InteropServices;

namespace Ingest.Matching.Indexes;

/// <summary>
/// Collects (key, id) pairs, then freezes them into a <see cref="HashMultiIndex"/> or an
/// <see cref="IntervalMultiIndex"/>. Give a capacity that is rarely exceeded: each growth of the ids
/// leaves a large-object array behind, and the large-object budget running out is what sets off most
/// full collections while a register is indexed.
/// </summary>
/// <remarks>
/// The keys are native memory, freed once the index is built: they are sorted in place and read once,
/// and as arrays (64 MB for a register's blocking keys) they counted towards that budget for nothing.
/// The ids stay an array, which the hash index keeps.
/// </remarks>
internal sealed unsafe class HashMultiIndexBuilder
{
    private ulong* _keys;
    private int _capacity;
    private int[] _ids;
    private int _count;

    public HashMultiIndexBuilder(int capacity)
    {
        _capacity = Math.Max(16, capacity);
        _ids = new int[_capacity];
        _keys = (ulong*)NativeMemory.Alloc((nuint)_capacity, sizeof(ulong));
    }

    ~HashMultiIndexBuilder() => NativeMemory.Free(_keys);

    public void Add(ulong key, int id)
    {
        // A spent builder's keys are gone: Grow refuses.
        if (_count == _capacity || _keys is null)
        {
            Grow();
        }
        _keys[_count] = key;
        _ids[_count] = id;
        _count++;
    }

    public int Count => _count;

    /// <summary>The hash index of the pairs; the builder is spent.</summary>
    public HashMultiIndex Build(Comparison<int>? orderWithinKey = null)
    {
        try
        {
            return HashMultiIndex.Build(Keys(), _ids, _count, orderWithinKey);
        }
        finally
        {
            FreeKeys();
        }
    }

    /// <summary>The interval index of the pairs (<see cref="IntervalMultiIndex.Build"/>); the builder is spent.</summary>
    public IntervalMultiIndex BuildIntervals((int Start, int End)[] periods)
    {
        try
        {
            return IntervalMultiIndex.Build(Keys(), _ids, _count, periods);
        }
        finally
        {
            FreeKeys();
        }
    }

    private Span<ulong> Keys() =>
        _keys is null ? throw new InvalidOperationException("the index was built already") : new Span<ulong>(_keys, _count);

    private void Grow()
    {
        if (_keys is null)
        {
            throw new InvalidOperationException("the index was built already");
        }
        var capacity = _capacity * 2;
        Array.Resize(ref _ids, capacity);
        _keys = (ulong*)NativeMemory.Realloc(_keys, (nuint)capacity * sizeof(ulong));
        _capacity = capacity;
    }

    private void FreeKeys()
    {
        NativeMemory.Free(_keys);
        _keys = null;
        GC.SuppressFinalize(this);
    }
}
