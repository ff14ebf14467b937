namespace Ingest.Core.Evaluation;

/// <summary>
/// A sink that can send a batch while the caller keeps writing the next one: a Kafka consumer
/// stores a batch's offsets when that batch's acknowledgement completes instead of stalling on
/// <see cref="IResultSink.FlushAsync"/> at every batch boundary.
/// </summary>
public interface IPipelinedResultSink : IResultSink
{
    /// <summary>
    /// Seals everything written so far into a batch and starts sending it. Returns once the send
    /// started (waiting for the previous one when the sink allows only so many in flight); the
    /// returned task completes when the batch, and with it every row written before it, is durable.
    /// If that task fails, <see cref="IResultSink.FlushAsync"/> sends the batch again.
    /// </summary>
    ValueTask<Task> SealAsync(CancellationToken cancellationToken);
}
