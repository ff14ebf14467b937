using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

public sealed class KeyRadixSortTests
{
    /// <summary>
    /// Keys from a few shapes: uniform hashes, keys sharing their high bytes (the bucket-skipping
    /// path), few distinct values (long runs of one key), and sizes on both sides of the switch to the
    /// comparison sort.
    /// </summary>
    private static Gen<ulong[]> Keys() =>
        Gen.Choose(0, 3).Zip(Gen.Choose(0, 3000)).Zip(Gen.Choose(0, int.MaxValue)).Select(t =>
        {
            var ((shape, length), seed) = t;
            var random = new Random(seed);
            var keys = new ulong[length];
            for (var i = 0; i < keys.Length; i++)
            {
                var r = (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2);
                keys[i] = shape switch
                {
                    0 => r,
                    1 => 0xABCD_EF00_0000_0000UL | (r & 0xFFFF_FFFFUL),
                    2 => (ulong)random.Next(5) * 0x9E3779B97F4A7C15UL,
                    _ => r & 0xFF00_0000_0000_00FFUL,
                };
            }
            return keys;
        });

    [Property(MaxTest = 300)]
    public Property Sorts_keys_like_the_comparison_sort_and_keeps_every_pair() =>
        Prop.ForAll(Keys().ToArbitrary(), keys =>
        {
            var ids = Enumerable.Range(0, keys.Length).ToArray();
            var sorted = (ulong[])keys.Clone();
            KeyRadixSort.Sort(sorted, ids);
            var expected = (ulong[])keys.Clone();
            Array.Sort(expected);
            var pairsKept = ids.Order().SequenceEqual(Enumerable.Range(0, keys.Length))
                && ids.Select((id, i) => keys[id] == sorted[i]).All(x => x);
            return sorted.SequenceEqual(expected) && pairsKept;
        });

    [Fact]
    public void Rejects_spans_of_different_lengths() =>
        Assert.Throws<ArgumentException>(() => KeyRadixSort.Sort(new ulong[3], new int[2]));

    [Fact]
    public void Sorts_a_register_sized_array_of_hashes()
    {
        var random = new Random(7);
        var keys = new ulong[1_000_000];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ulong)random.NextInt64(1, 200_000) * 0x9E3779B97F4A7C15UL;
        }
        var ids = Enumerable.Range(0, keys.Length).ToArray();
        var sorted = (ulong[])keys.Clone();
        KeyRadixSort.Sort(sorted, ids);
        for (var i = 1; i < sorted.Length; i++)
        {
            Assert.True(sorted[i - 1] <= sorted[i]);
        }
        for (var i = 0; i < sorted.Length; i++)
        {
            Assert.Equal(keys[ids[i]], sorted[i]);
        }
    }
}
