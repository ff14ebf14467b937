using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Reference;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

public sealed class IndexPropertyTests
{
    [Property(MaxTest = 200)]
    public Property Hash_lookup_equals_a_linear_scan() =>
        Prop.ForAll(Gen.Choose(0, 40).Select(k => (ulong)k * 0x9E3779B97F4A7C15UL).ArrayOf().ToArbitrary(), Gen.Choose(0, 45).ToArbitrary(), (keys, probe) =>
        {
            var ids = Enumerable.Range(0, keys.Length).ToArray();
            var index = HashMultiIndex.Build((ulong[])keys.Clone(), ids, keys.Length);
            var key = (ulong)probe * 0x9E3779B97F4A7C15UL;
            var expected = Enumerable.Range(0, keys.Length).Where(i => keys[i] == key).ToArray();
            return index.Lookup(key).ToArray().SequenceEqual(expected);
        });

    /// <summary>
    /// The builder's arrays are longer than its pairs (its capacity, or growth past it) and are kept
    /// by the index unless mostly slack: lookups and the count see only the pairs added.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Built_index_sees_only_the_pairs_added_whatever_the_capacity() =>
        Prop.ForAll(Gen.Choose(0, 40).Select(k => (ulong)k * 0x9E3779B97F4A7C15UL).ArrayOf().ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 45).ToArbitrary(), (keys, capacity, probe) =>
        {
            var builder = new HashMultiIndexBuilder(capacity);
            for (var i = 0; i < keys.Length; i++)
            {
                builder.Add(keys[i], i);
            }
            var index = builder.Build();
            var key = (ulong)probe * 0x9E3779B97F4A7C15UL;
            var expected = Enumerable.Range(0, keys.Length).Where(i => keys[i] == key).ToArray();
            return index.Lookup(key).ToArray().SequenceEqual(expected) && index.Count == keys.Length && builder.Count == keys.Length;
        });

    [Fact]
    public void A_builder_is_spent_once_built()
    {
        var builder = new HashMultiIndexBuilder(4);
        builder.Add(1, 0);
        builder.Add(1, 1);
        Assert.Equal([0, 1], builder.Build().Lookup(1).ToArray());
        Assert.Throws<InvalidOperationException>(() => builder.Add(2, 2));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.BuildIntervals([(0, 1), (0, 1)]));
    }

    [Property(MaxTest = 200)]
    public Property Builder_intervals_equal_the_arrays_built_directly() =>
        Prop.ForAll(Gen.Choose(0, 6).Select(k => (ulong)k).Zip(Gen.Choose(0, 300)).ArrayOf().ToArbitrary(), pairs =>
        {
            var periods = pairs.Select(p => (p.Item2, p.Item2 + 30)).ToArray();
            var builder = new HashMultiIndexBuilder(1);
            for (var i = 0; i < pairs.Length; i++)
            {
                builder.Add(pairs[i].Item1, i);
            }
            var built = builder.BuildIntervals(periods);
            var direct = IntervalMultiIndex.Build(pairs.Select(p => p.Item1).ToArray(), Enumerable.Range(0, pairs.Length).ToArray(), pairs.Length, periods);
            return Enumerable.Range(0, 7).All(k => built.All((ulong)k).ToArray().SequenceEqual(direct.All((ulong)k).ToArray()));
        });

    [Property(MaxTest = 200)]
    public Property Interval_search_equals_a_linear_scan() =>
        Prop.ForAll(
            Gen.Choose(0, 5).Zip(Gen.Choose(0, 400)).Zip(Gen.Choose(0, 200)).Select(t => (Key: (ulong)t.Item1.Item1, Start: t.Item1.Item2, Length: t.Item2)).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 5).Zip(Gen.Choose(0, 500)).Zip(Gen.Choose(0, 100)).ToArbitrary(),
            (records, query) =>
            {
                var ((qKey, qFrom), qLen) = query;
                var keys = records.Select(r => r.Key).ToArray();
                var ids = Enumerable.Range(0, records.Length).ToArray();
                var index = IntervalMultiIndex.Build(keys, ids, records.Length, [.. records.Select(r => (r.Start, r.Start + r.Length))]);
                var found = new List<int>();
                index.Overlapping((ulong)qKey, qFrom, qFrom + qLen, found);
                var expected = Enumerable.Range(0, records.Length)
                    .Where(i => records[i].Key == (ulong)qKey && records[i].Start <= qFrom + qLen && records[i].Start + records[i].Length >= qFrom)
                    .Order();
                var all = index.All((ulong)qKey).ToArray();
                return found.Order().SequenceEqual(expected)
                    && all.Order().SequenceEqual(Enumerable.Range(0, records.Length).Where(i => records[i].Key == (ulong)qKey))
                    && all.Select(i => records[i].Start).SequenceEqual(all.Select(i => records[i].Start).Order());
            });

    private static readonly string[] s_families = ["Kowalski", "Nowak", "Müller", "Dubois", "Papadopoulos", "Ivanov"];
    private static readonly string[] s_forenames = ["Jan", "Anna", "Piotr", "Maria"];

    private static Gen<A1Certificate> A1s() =>
        from family in Gen.Elements(s_families)
        from forename in Gen.Elements(s_forenames)
        from day in Gen.Choose(1, 4)
        from pin in Gen.Choose(0, 6)
        from id in Gen.Choose(0, int.MaxValue)
        select TestData.A1 with
        {
            DocumentNumber = "A1-" + id,
            FamilyName = family,
            Forename = forename,
            DateBirth = "1980-01-0" + day,
            Pin = pin == 0 ? null : TestData.PeselOf("800101000" + pin),
        };

    [Property(MaxTest = 100)]
    public Property Snapshot_pin_and_blocking_lookups_equal_a_linear_scan() =>
        Prop.ForAll(A1s().ArrayOf().ToArbitrary(), A1s().ToArbitrary(), (records, probe) =>
        {
            var snapshot = ReferenceSnapshot.Build(records, []);
            var query = snapshot.A1s.Length > 0 ? snapshot.A1s[0].Person : null;
            var person = PersonFeatures.Create(probe.FamilyName, probe.Forename, null, null, probe.DateBirth, null, [], PersonFeatures.PinKeysOf(probe.PinCountry, probe.Pin));
            var pinOk = person.PinKeys.All(pin =>
                snapshot.A1ByPin.Lookup(KeyHash.Of('P', pin)).ToArray().Order().SequenceEqual(
                    Enumerable.Range(0, snapshot.A1s.Length).Where(i => snapshot.A1s[i].Person.PinKeys.Contains(pin))));
            // Every record with the same name tokens and birth date shares the whole-name key.
            var nameIds = snapshot.A1ByBlock.Lookup(KeyHash.Of('N', person.Name.Key)).ToArray().Order();
            var expected = Enumerable.Range(0, snapshot.A1s.Length).Where(i => snapshot.A1s[i].Person.Name.Key == person.Name.Key);
            return pinOk && nameIds.SequenceEqual(expected) && (query is null || snapshot.A1s.Length == records.Length);
        });
}
