using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Linking;

namespace Ingest.Tests.Matching;

/// <summary>A bounded history (the stream worker's) forgets its oldest SEDs from every view, and only them.</summary>
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
            var kept = entries.Skip(Math.Max(0, entries.Count - bound)).ToList();
            Assert.Equal(kept.Count, history.Count);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(kept.Where(e => e.CaseId == "C" + k), history.Case("C" + k));
                Assert.Equal(kept.Where(e => e.PersonKey == "P" + k), history.Person("P" + k, "", 0, 0, []));
                Assert.Equal(kept.Where(e => e.NameKey == (ulong)(k + 1)), history.Person("nobody", "", (ulong)(k + 1), 0, []));
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

    private static HistoryEntry Entry(int i, int caseNo, int personNo, int nameNo) => HistoryEntries.Make(i, caseNo, personNo, (ulong)(nameNo + 1));
}
