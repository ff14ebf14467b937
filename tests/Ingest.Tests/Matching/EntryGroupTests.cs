using FsCheck;
using FsCheck.Xunit;
using Ingest.Matching.Linking;

namespace Ingest.Tests.Matching;

public class EntryGroupTests
{
    [Property]
    public bool A_group_holds_its_entries_in_arrival_order(PositiveInt size)
    {
        var entries = Enumerable.Range(0, size.Get % 12).Select(Entry).ToArray();
        var group = default(EntryGroup);
        foreach (var e in entries)
        {
            group = group.With(e);
        }
        var enumerated = new List<HistoryEntry>();
        foreach (var e in group)
        {
            enumerated.Add(e);
        }
        return group.Count == entries.Length
            && enumerated.SequenceEqual(entries)
            && group.ToArray().SequenceEqual(entries)
            && Enumerable.Range(0, entries.Length).All(i => ReferenceEquals(group[i], entries[i]));
    }

    [Fact]
    public void An_index_outside_the_group_throws()
    {
        var one = default(EntryGroup).With(Entry(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => one[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(EntryGroup)[0]);
        Assert.Empty(default(EntryGroup).ToArray());
    }

    private static HistoryEntry Entry(int i) => HistoryEntries.Make(i);
}
