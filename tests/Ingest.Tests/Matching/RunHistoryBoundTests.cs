using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Linking;

namespace Ingest.Tests.Matching;

/// <summary>
/// A bounded history (the stream worker's) forgets its oldest SEDs from every view, and only them, a
/// generation (half the bound, rounded up) at a time: it holds never more than the bound, never fewer
/// than half of it.
/// </summary>
public class RunHistoryBoundTests
{
    /// <summary>The tables' starting size (a nightly run's expected SED count) is a hint: fewer or more entries behave the same.</summary>
    [Property(MaxTest = 200)]
    public Property Every_view_holds_exactly_the_latest_entries_in_arrival_order()
    {
        var shapes = Gen.Choose(1, 10).Zip(Gen.Choose(0, 3).Zip(Gen.Choose(0, 3)).Zip(Gen.Choose(0, 3)).ListOf().Where(l => l.Count <= 40)).Zip(Gen.Choose(0, 60)).ToArbitrary();
        return Prop.ForAll(shapes, shapeAndExpected =>
        {
            var ((bound, keys), expected) = shapeAndExpected;
            var history = new RunHistory(bound, expected);
            var entries = keys.Select((k, i) => Entry(i, caseNo: k.Item1.Item1, personNo: k.Item1.Item2, nameNo: k.Item2)).ToList();
            foreach (var e in entries)
            {
                Assert.True(history.Register(e));
            }
            var generation = (bound + 1) / 2;
            var keep = entries.Count < generation ? entries.Count : generation + (entries.Count % generation);
            Assert.InRange(keep, Math.Min(entries.Count, generation), bound);
            var kept = entries.Skip(entries.Count - keep).ToList();
            Assert.Equal(kept.Count, history.Count);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(Ids(kept.Where(e => e.CaseId == "C" + k)), Ids(history.Case("C" + k)));
                Assert.Equal(Ids(kept.Where(e => e.PersonKey == "P" + k)), Ids(history.Person("P" + k, "", 0, 0, [])));
                Assert.Equal(Ids(kept.Where(e => e.NameKey == (ulong)(k + 1))), Ids(history.Person("nobody", "", (ulong)(k + 1), 0, [])));
            }
            foreach (var e in entries)
            {
                Assert.Equal(kept.Contains(e), history.IsDuplicate(e.CaseId, e.DocumentId, e.Version));
            }
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(1000)]
    public void An_unbounded_history_forgets_nothing(int expected)
    {
        var history = new RunHistory(expectedEntries: expected);
        for (var i = 0; i < 100; i++)
        {
            history.Register(Entry(i, caseNo: 0, personNo: 0, nameNo: 0));
        }
        Assert.Equal(100, history.Count);
        Assert.Equal(100, history.Case("C0").Length);
    }

    /// <summary>A long-running bounded history has dropped many generations: the views hold the latest entries, across the two it keeps.</summary>
    [Fact]
    public void Views_span_both_generations_of_a_long_bounded_run()
    {
        var history = new RunHistory(maxEntries: 7);
        for (var i = 0; i < 1003; i++)
        {
            Assert.True(history.Register(Entry(i, caseNo: i % 3, personNo: i % 5, nameNo: i % 2)));
        }
        Assert.Equal(7, history.Count);
        Assert.Equal(["D996", "D999", "D1002"], Ids(history.Case("C0")));
        Assert.Equal(["D1000"], Ids(history.Person("P0", "", 0, 0, [])));
        Assert.Equal(["D996", "D998", "D1000", "D1002"], Ids(history.Person("nobody", "", 1, 0, [])));
        Assert.False(history.IsDuplicate("C2", "D992", 1));
        Assert.True(history.IsDuplicate("C2", "D998", 1));
    }

    private static IEnumerable<string> Ids(IEnumerable<HistoryEntry> entries) => entries.Select(e => e.DocumentId);

    private static IEnumerable<string> Ids(IEnumerable<HistoryView> views) => views.Select(e => e.DocumentId);

    private static HistoryEntry Entry(int i, int caseNo, int personNo, int nameNo) => HistoryEntries.Make(i, caseNo, personNo, (ulong)(nameNo + 1));
}
