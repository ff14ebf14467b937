using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Linking;

namespace Ingest.Tests.Matching;

/// <summary>The history's text table: one id a distinct text, whichever way it is asked for, through every growth of the table.</summary>
public class HistoryTextsTests
{
    [Property(MaxTest = 100)]
    public Property Each_distinct_text_has_one_id_and_reads_back()
    {
        var texts = Gen.Elements("A009", "FR", "", "é", "P|FR:1", "12.1", "x y").Zip(Gen.Choose(0, 3000))
            .Select(t => t.Item2 % 3 == 0 ? t.Item1 : t.Item1 + t.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ListOf().ToArbitrary();
        return Prop.ForAll(texts, list =>
        {
            var table = new HistoryTexts();
            var ids = new Dictionary<string, int>();
            for (var i = 0; i < list.Count; i++)
            {
                var text = list[i];
                // New instances, by string and by span: the id depends on the characters only.
                var id = i % 2 == 0 ? table.Intern(new string(text.AsSpan())) : table.Intern(text.AsSpan());
                if (ids.TryGetValue(text, out var earlier))
                {
                    Assert.Equal(earlier, id);
                }
                ids[text] = id;
                Assert.Equal(text, table.Text(id));
            }
            Assert.Equal(ids.Keys.Count(k => k.Length > 0) + 1, table.Count);
            foreach (var (text, id) in ids)
            {
                Assert.True(table.TryFind(new string(text.AsSpan()), out var found));
                Assert.Equal(id, found);
                Assert.True(table.Span(id).SequenceEqual(text));
            }
            Assert.False(table.TryFind("never interned", out _));
        });
    }

    [Fact]
    public void A_table_grows_past_its_expected_size_and_past_one_chunk_of_characters()
    {
        var table = new HistoryTexts(expectedTexts: 4);
        var big = new string('x', 1_500_000);
        var bigId = table.Intern(big);
        var ids = Enumerable.Range(0, 50_000).Select(i => table.Intern("T" + i)).ToArray();
        Assert.Equal(50_002, table.Count);
        Assert.Equal(big, table.Text(bigId));
        Assert.All(Enumerable.Range(0, 50_000), i => Assert.Equal("T" + i, table.Text(ids[i])));
        Assert.Equal(ids[123], table.Intern("T123"));
    }

    [Property(MaxTest = 100)]
    public Property Interning_a_batch_gives_the_ids_of_interning_one_by_one()
    {
        // Small alphabets so that batches repeat texts, within a batch and across batches; a table
        // made for 2 texts grows (and rehashes) in the middle of batches.
        var text = Gen.Elements<string?>(null, "", "A009", "FR", "x").Zip(Gen.Choose(0, 200))
            .Select(t => t.Item1 is null or "" || t.Item2 % 4 == 0 ? t.Item1 : t.Item1 + t.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var batches = text.ArrayOf().Select(b => b.Length > 16 ? b[..16] : b).ListOf().ToArbitrary();
        return Prop.ForAll(batches, list =>
        {
            var batched = new HistoryTexts(expectedTexts: 2);
            var single = new HistoryTexts(expectedTexts: 2);
            foreach (var batch in list)
            {
                // New instances each time, as a SED's strings are: the recent-text shortcut sees them once.
                var copies = batch.Select(t => t is null ? null : new string(t.AsSpan())).ToArray();
                var ids = new int[copies.Length];
                batched.InternAll(copies, ids);
                for (var i = 0; i < copies.Length; i++)
                {
                    Assert.Equal(single.Intern(copies[i]), ids[i]);
                    Assert.Equal(copies[i] ?? "", batched.Text(ids[i]));
                }
            }
            Assert.Equal(single.Count, batched.Count);
        });
    }

    [Fact]
    public void Lists_keep_their_shape()
    {
        var table = new HistoryTexts();
        Assert.Equal(HistoryTexts.Empty, table.InternList([]));
        Assert.Empty(table.List(table.InternList([])));
        Assert.Equal([""], table.List(table.InternList([""])));
        Assert.Equal(["FR", "", "DE"], table.List(table.InternList(["FR", "", "DE"])));
        Assert.NotEqual(table.InternList(["FR", "DE"]), table.InternList(["FRDE"]));
    }
}
