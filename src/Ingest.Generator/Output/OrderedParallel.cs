using System.Runtime.ExceptionServices;

namespace Ingest.Generator.Output;

/// <summary>
/// Maps block numbers 0, 1, 2, … to results on several threads and hands them back strictly in block
/// order, with at most <c>window</c> blocks in flight: output order (hence bytes) never depends on
/// thread timing, and memory stays bounded. The sequence is endless; the consumer stops enumerating.
/// </summary>
internal static class OrderedParallel
{
    public static IEnumerable<T> Map<T>(Func<long, T> produce, int workers, int window, CancellationToken cancellationToken)
        where T : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var free = new SemaphoreSlim(window);
        var ready = new SemaphoreSlim[window];
        for (var i = 0; i < window; i++)
        {
            ready[i] = new SemaphoreSlim(0);
        }
        var slots = new T?[window];
        var errors = new Exception?[window];
        long next = -1;
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(() =>
            {
                try
                {
                    while (true)
                    {
                        // A free slot is claimed before the block number, so claimed-but-unconsumed blocks
                        // are at most `window` consecutive numbers and never share a slot.
                        free.Wait(stop.Token);
                        var block = Interlocked.Increment(ref next);
                        var slot = (int)(block % window);
                        try
                        {
                            slots[slot] = produce(block);
                        }
                        catch (Exception e)
                        {
                            errors[slot] = e;
                        }
                        ready[slot].Release();
                    }
                }
                catch (OperationCanceledException)
                {
                    // The consumer is done (or the run was cancelled).
                }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            for (long block = 0; ; block++)
            {
                var slot = (int)(block % window);
                ready[slot].Wait(cancellationToken);
                if (errors[slot] is { } error)
                {
                    ExceptionDispatchInfo.Throw(error);
                }
                var item = slots[slot]!;
                slots[slot] = null;
                free.Release();
                yield return item;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll(tasks, CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // Workers cancelled before they started.
            }
            foreach (var r in ready)
            {
                r.Dispose();
            }
        }
    }
}
