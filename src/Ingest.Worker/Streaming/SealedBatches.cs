using Confluent.Kafka;

namespace Ingest.Worker.Streaming;

/// <summary>
/// The sealed batches in seal order. Offsets are released strictly in that order: a batch whose
/// acknowledgement completed waits behind an earlier one still in flight, and a failed
/// acknowledgement releases nothing until a flush has made everything durable.
/// </summary>
internal sealed class SealedBatches
{
    private readonly Queue<SealedBatch> _queue = new();
    private SealedBatch? _last;

    public int Count => _queue.Count;

    /// <summary>True while the last batch sealed is not acknowledged yet.</summary>
    public bool Sending => _last is { Acknowledged.IsCompleted: false } && _queue.Count > 0;

    public void Add(SealedBatch batch)
    {
        _queue.Enqueue(batch);
        _last = batch;
    }

    /// <summary>
    /// Moves the acknowledged batches at the head to <paramref name="released"/>. Returns false
    /// when the head's send failed: the caller flushes the sink, then calls <see cref="ReleaseAll"/>.
    /// </summary>
    public bool ReleaseAcknowledged(List<SealedBatch> released)
    {
        while (_queue.TryPeek(out var head) && head.Acknowledged.IsCompleted)
        {
            if (!head.Acknowledged.IsCompletedSuccessfully)
            {
                return false;
            }
            released.Add(_queue.Dequeue());
        }
        return true;
    }

    /// <summary>After a successful flush every batch is durable, whatever its own send reported.</summary>
    public void ReleaseAll(List<SealedBatch> released)
    {
        while (_queue.TryDequeue(out var batch))
        {
            // A failed send was retried by the flush; observe its error so it is not reported as unobserved.
            _ = batch.Acknowledged.Exception;
            released.Add(batch);
        }
    }

    /// <summary>Lost partitions belong to another member now: their offsets must never be stored by us.</summary>
    public void Forget(IReadOnlyCollection<TopicPartition> lost)
    {
        foreach (var batch in _queue)
        {
            foreach (var tp in lost)
            {
                batch.Offsets.Remove(tp);
            }
        }
    }
}
