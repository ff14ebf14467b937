namespace Ingest.Matching.Indexes;

/// <summary>
/// Sorts (key, id) pairs by key in place: an in-place most-significant-byte radix sort (American
/// flag sort), the comparison sort taking over for small buckets. A register's blocking index holds
/// ~8 M pairs of hashed keys; the comparison sort's ~23 rounds of unpredictable branches over them
/// were most of the index build, while two in-place byte rounds of uniform hashes leave buckets of a
/// hundred pairs. In place, because a second copy of the pairs would be another large object whose
/// allocation sets off a full collection of the multi-GB heap being built.
/// Equal keys keep no particular order of their ids (as with <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>).
/// </summary>
internal static class KeyRadixSort
{
    // Below this, counting 256 buckets costs more than the comparison sort it would save.
    private const int SmallLength = 256;

    public static void Sort(Span<ulong> keys, Span<int> ids)
    {
        if (keys.Length != ids.Length)
        {
            throw new ArgumentException("keys and ids differ in length", nameof(ids));
        }
        SortByte(keys, ids, 56);
    }

    private static void SortByte(Span<ulong> keys, Span<int> ids, int shift)
    {
        var n = keys.Length;
        if (n < SmallLength || shift < 0)
        {
            keys.Sort(ids);
            return;
        }
        Span<int> count = stackalloc int[256];
        foreach (var key in keys)
        {
            count[(int)(key >> shift) & 0xFF]++;
        }
        // One bucket holding everything (keys sharing this byte): on to the next byte, nothing to move.
        if (count[(int)(keys[0] >> shift) & 0xFF] == n)
        {
            SortByte(keys, ids, shift - 8);
            return;
        }
        Span<int> head = stackalloc int[256];
        Span<int> end = stackalloc int[256];
        var sum = 0;
        for (var b = 0; b < 256; b++)
        {
            head[b] = sum;
            sum += count[b];
            end[b] = sum;
        }
        Permute(keys, ids, shift, head, end);
        if (shift == 0)
        {
            return;
        }
        var start = 0;
        for (var b = 0; b < 256; b++)
        {
            var c = count[b];
            if (c > 1)
            {
                SortByte(keys.Slice(start, c), ids.Slice(start, c), shift - 8);
            }
            start += c;
        }
    }

    /// <summary>
    /// Moves each pair into its bucket by cycles: the pair taken from a bucket's next unfilled place is
    /// carried to the next unfilled place of its own bucket, and the pair found there carried on, until
    /// one belongs where the cycle started.
    /// </summary>
    private static void Permute(Span<ulong> keys, Span<int> ids, int shift, Span<int> head, Span<int> end)
    {
        for (var b = 0; b < 256; b++)
        {
            while (head[b] < end[b])
            {
                var i = head[b];
                var key = keys[i];
                var id = ids[i];
                var digit = (int)(key >> shift) & 0xFF;
                while (digit != b)
                {
                    var j = head[digit]++;
                    (keys[j], key) = (key, keys[j]);
                    (ids[j], id) = (id, ids[j]);
                    digit = (int)(key >> shift) & 0xFF;
                }
                keys[i] = key;
                ids[i] = id;
                head[b]++;
            }
        }
    }
}
