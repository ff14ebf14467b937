using System.Runtime.ExceptionServices;

namespace Ingest.Generator.Output;

/// <summary>
/// Maps block numbers 0, 1, 2, … to results on several threads and hands them back strictly in block
/// order, with at most <c>window</c> blocks in flight: output order (hence bytes) never depends on
/// thread timing, and memory stays bounded. The sequence is endless; the consumer stops enumerating.
/// Waits block on a monitor without spinning: on a small shared machine a spinning waiter steals the
/// core a producer needs.
/// </summary>
internal static class OrderedParallel
{
    public static IEnumerable<T> Map<T>(Func<long, T> produce, int workers, int window, CancellationToken cancellationToken)
        where T : class => Map(static () => 0, (_, block) => produce(block), workers, window, cancellationToken);

    /// <summary>As above, with one <typeparamref name="TState"/> per worker thread (reused scratch: generators, encoders, buffers).</summary>
    public static IEnumerable<T> Map<TState, T>(Func<TState> createState, Func<TState, long, T> produce, int workers, int window, CancellationToken cancellationToken)
        where T : class
    {
        var gate = new object();
        var slots = new T?[window];
        var errors = new Exception?[window];
        var ready = new bool[window];
        long next = 0, consumed = 0;
        var stop = false;
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            threads[w] = new Thread(() =>
            {
                var state = default(TState);
                var hasState = false;
                while (true)
                {
                    long block;
                    lock (gate)
                    {
                        // Claimed-but-unconsumed blocks are at most `window` consecutive numbers: no shared slot.
                        while (!stop && next - consumed >= window)
                        {
                            Monitor.Wait(gate);
                        }
                        if (stop)
                        {
                            return;
                        }
                        block = next++;
                    }
                    T? item = null;
                    Exception? error = null;
                    try
                    {
                        if (!hasState)
                        {
                            (state, hasState) = (createState(), true);
                        }
                        item = produce(state!, block);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                    lock (gate)
                    {
                        var slot = (int)(block % window);
                        (slots[slot], errors[slot], ready[slot]) = (item, error, true);
                        Monitor.PulseAll(gate);
                    }
                }
            })
            { IsBackground = true, Name = "generator worker " + w };
            threads[w].Start();
        }
        using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                Monitor.PulseAll(gate);
            }
        });
        try
        {
            while (true)
            {
                T item;
                lock (gate)
                {
                    var slot = (int)(consumed % window);
                    while (!ready[slot])
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        Monitor.Wait(gate);
                    }
                    if (errors[slot] is { } error)
                    {
                        ExceptionDispatchInfo.Throw(error);
                    }
                    item = slots[slot]!;
                    (slots[slot], ready[slot]) = (null, false);
                    consumed++;
                    Monitor.PulseAll(gate);
                }
                yield return item;
            }
        }
        finally
        {
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            foreach (var t in threads)
            {
                t.Join();
            }
        }
    }
}
