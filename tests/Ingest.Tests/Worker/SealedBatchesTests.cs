using Confluent.Kafka;
using FsCheck;
using FsCheck.Fluent;
using Ingest.Worker.Streaming;

namespace Ingest.Tests.Worker;

public sealed class SealedBatchesTests
{
    private static readonly TopicPartition s_p0 = new("t", 0);
    private static readonly TopicPartition s_p1 = new("t", 1);

    [Fact]
    public void A_batch_acknowledged_early_waits_behind_the_one_sealed_before_it()
    {
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var batches = new SealedBatches();
        batches.Add(Batch(first.Task, 10));
        batches.Add(Batch(second.Task, 20));
        var released = new List<SealedBatch>();

        second.SetResult();
        Assert.True(batches.ReleaseAcknowledged(released));
        Assert.Empty(released);

        first.SetResult();
        Assert.True(batches.ReleaseAcknowledged(released));
        Assert.Equal([10L, 20L], released.Select(b => b.Offsets[s_p0]));
        Assert.Equal(0, batches.Count);
    }

    [Fact]
    public void A_failed_send_releases_nothing_until_the_flush_then_everything()
    {
        var batches = new SealedBatches();
        batches.Add(Batch(Task.CompletedTask, 5));
        batches.Add(Batch(Task.FromException(new HttpRequestException("down")), 9));
        batches.Add(Batch(Task.CompletedTask, 12));
        var released = new List<SealedBatch>();

        Assert.False(batches.ReleaseAcknowledged(released));
        Assert.Equal([5L], released.Select(b => b.Offsets[s_p0]));
        Assert.Equal(2, batches.Count);

        released.Clear();
        batches.ReleaseAll(released);
        Assert.Equal([9L, 12L], released.Select(b => b.Offsets[s_p0]));
        Assert.Equal(0, batches.Count);
    }

    [Fact]
    public void Sending_while_the_last_sealed_batch_is_unacknowledged()
    {
        var batches = new SealedBatches();
        Assert.False(batches.Sending);
        var ack = new TaskCompletionSource();
        batches.Add(Batch(ack.Task, 1));
        Assert.True(batches.Sending);
        ack.SetResult();
        Assert.False(batches.Sending);
        batches.ReleaseAcknowledged([]);
        Assert.False(batches.Sending);
    }

    [Fact]
    public void Lost_partitions_are_forgotten_in_every_sealed_batch()
    {
        var batches = new SealedBatches();
        batches.Add(Batch(Task.CompletedTask, 3, 30));
        batches.Add(Batch(Task.CompletedTask, 4, 40));

        batches.Forget([s_p1]);

        var released = new List<SealedBatch>();
        Assert.True(batches.ReleaseAcknowledged(released));
        Assert.All(released, b => Assert.False(b.Offsets.ContainsKey(s_p1)));
        Assert.Equal([3L, 4L], released.Select(b => b.Offsets[s_p0]));
    }

    /// <summary>Whatever order the acknowledgements complete in, what is released is a prefix in seal order.</summary>
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Released_batches_are_always_a_prefix_in_seal_order()
    {
        var gen =
            from count in Gen.Choose(1, 12)
            from order in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
            from checks in Gen.ArrayOf(Gen.Choose(0, 1), count)
            select (count, order, checks);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (count, order, checks) = t;
            var sources = new TaskCompletionSource[count];
            var batches = new SealedBatches();
            for (var i = 0; i < count; i++)
            {
                sources[i] = new TaskCompletionSource();
                batches.Add(Batch(sources[i].Task, i));
            }
            var released = new List<SealedBatch>();
            var completed = new HashSet<int>();
            for (var step = 0; step < count; step++)
            {
                sources[order[step]].SetResult();
                completed.Add(order[step]);
                if (checks[step] == 1 || step == count - 1)
                {
                    Assert.True(batches.ReleaseAcknowledged(released));
                }
                var expected = 0;
                while (completed.Contains(expected))
                {
                    expected++;
                }
                // Never ahead of the first batch still in flight, and in order.
                Assert.True(released.Count <= expected);
                Assert.Equal(Enumerable.Range(0, released.Count).Select(i => (long)i), released.Select(b => b.Offsets[s_p0]));
            }
            Assert.Equal(count, released.Count);
        });
    }

    private static SealedBatch Batch(Task acknowledged, long p0, long? p1 = null)
    {
        var offsets = new Dictionary<TopicPartition, long> { [s_p0] = p0 };
        if (p1 is { } o)
        {
            offsets[s_p1] = o;
        }
        return new SealedBatch(acknowledged, offsets, [], 0, 0);
    }
}
