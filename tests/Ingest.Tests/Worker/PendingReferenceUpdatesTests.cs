using Ingest.Matching.Indexes;
using Ingest.Worker.Streaming;

namespace Ingest.Tests.Worker;

public sealed class PendingReferenceUpdatesTests
{
    [Fact]
    public void Nothing_is_pending_until_an_update_lands_and_taking_forgets_what_was_taken()
    {
        var pending = new PendingReferenceUpdates();
        Assert.Null(pending.Take());

        pending.Add(Keys(1, 2));
        pending.Add(Keys(3));
        var concern = pending.Take();

        Assert.NotNull(concern);
        Assert.False(concern.All);
        Assert.True(concern.Concerns(Sed(9, 2)));
        Assert.True(concern.Concerns(Sed(3)));
        Assert.False(concern.Concerns(Sed(4, 5)));
        Assert.False(concern.Concerns(new SedMatchKeys([])));
        Assert.Null(pending.Take());
    }

    [Fact]
    public void An_update_of_an_empty_key_set_still_counts_as_an_update()
    {
        // A swap whose records carry no keys (no name, no PIN) still triggers a pass, which then concerns nobody.
        var pending = new PendingReferenceUpdates();
        pending.Add(MatchKeySet.None);

        var concern = pending.Take();

        Assert.NotNull(concern);
        Assert.False(concern.Concerns(Sed(1)));
    }

    [Fact]
    public void Past_the_key_limit_every_waiting_SED_is_concerned()
    {
        var pending = new PendingReferenceUpdates();
        pending.Add(Keys([.. Enumerable.Range(0, PendingReferenceUpdates.MaxKeys / 2).Select(i => (ulong)i)]));
        pending.Add(Keys([.. Enumerable.Range(PendingReferenceUpdates.MaxKeys / 2, PendingReferenceUpdates.MaxKeys / 2 + 1).Select(i => (ulong)i)]));
        pending.Add(Keys(7));

        var concern = pending.Take();

        Assert.NotNull(concern);
        Assert.True(concern.All);
        Assert.True(concern.Concerns(new SedMatchKeys([ulong.MaxValue])));
        Assert.Null(pending.Take());
    }

    private static MatchKeySet Keys(params ulong[] keys) => new([.. keys]);

    private static SedMatchKeys Sed(params ulong[] keys) => new(keys);
}
