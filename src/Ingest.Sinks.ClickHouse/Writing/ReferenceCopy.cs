using System.Threading.Channels;
using Ingest.Core.Reference;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// The copy of a reference snapshot into ClickHouse, written while the run decodes the files for its
/// indexes: records are handed in on the decoding threads (<see cref="Add(A1Certificate)"/> is
/// thread-safe), each thread encodes its own batches, and one sender inserts full batches in the
/// background. So a year's register is read once, never held whole as objects, and its insert
/// overlaps the decoding. A batch waits in a bounded queue: decoding slows to what ClickHouse takes.
/// </summary>
public sealed class ReferenceCopy
{
    private const int QueuedBatches = 2;
    private readonly ClickHouseStore _store;
    private readonly string _a1Path;
    private readonly string _declarationsPath;
    private readonly ThreadLocal<Lane> _a1Lanes;
    private readonly ThreadLocal<Lane> _declarationLanes;
    private readonly Channel<Lane.Batch> _queue = Channel.CreateBounded<Lane.Batch>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true });
    private readonly Task _sender;
    private readonly CancellationToken _cancellationToken;
    private long _a1Rows;
    private long _declarationRows;

    internal ReferenceCopy(ClickHouseStore store, string snapshotId, string a1Path, string declarationsPath, CancellationToken cancellationToken)
    {
        _store = store;
        SnapshotId = snapshotId;
        _a1Path = a1Path;
        _declarationsPath = declarationsPath;
        _cancellationToken = cancellationToken;
        _a1Lanes = new(() => new Lane(new RowBinaryEncoder(Tables.A1Certificates, store.Version)), trackAllValues: true);
        _declarationLanes = new(() => new Lane(new RowBinaryEncoder(Tables.PostingDeclarations, store.Version)), trackAllValues: true);
        _sender = Task.Run(SendAllAsync, CancellationToken.None);
    }

    public string SnapshotId { get; }

    /// <summary>Why the copy stopped, once it has: the insert that failed after its retries.</summary>
    public Exception? Failure { get; private set; }

    public void Add(A1Certificate a)
    {
        var lane = _a1Lanes.Value!;
        ReferenceSnapshotWriter.A1Row(lane.Encoder, SnapshotId, a);
        SendIfFull(lane);
    }

    public void Add(PostingDeclaration d)
    {
        var lane = _declarationLanes.Value!;
        ReferenceSnapshotWriter.DeclarationRow(lane.Encoder, SnapshotId, d);
        SendIfFull(lane);
    }

    /// <summary>Stops the copy without its snapshot row (the run failed while reading): queued batches are dropped.</summary>
    public async Task AbandonAsync()
    {
        Failure ??= new OperationCanceledException("the reference copy was abandoned");
        _queue.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        DisposeLanes();
    }

    /// <summary>Gives back what the threads still hold (rows not sent when the copy stopped) and their slots.</summary>
    private void DisposeLanes()
    {
        foreach (var lane in _a1Lanes.Values.Concat(_declarationLanes.Values))
        {
            lane.Rows.Clear();
        }
        _a1Lanes.Dispose();
        _declarationLanes.Dispose();
    }

    private void SendIfFull(Lane lane)
    {
        if (lane.Rows.Rows >= _store.Options.BatchRows)
        {
            Enqueue(lane.Take());
        }
    }

    /// <summary>
    /// Sends what every thread still holds, waits for the inserts, then writes the snapshot's row
    /// (its presence says the copy is whole). Throws what stopped the copy, if anything did.
    /// </summary>
    public async Task<(long A1s, long Declarations)> CompleteAsync()
    {
        try
        {
            foreach (var lane in _a1Lanes.Values.Concat(_declarationLanes.Values))
            {
                if (lane.Rows.Rows > 0)
                {
                    await _queue.Writer.WriteAsync(lane.Take(), _cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (ChannelClosedException)
        {
            // The sender stopped: its failure is thrown below.
        }
        _queue.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        DisposeLanes();
        if (Failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Failure);
        }
        await _store.InsertAsync(Tables.ReferenceSnapshots,
            [[SnapshotId, (ulong)_a1Rows, (ulong)_declarationRows, Path.GetFullPath(_a1Path), Path.GetFullPath(_declarationsPath), DateTime.UtcNow]],
            _cancellationToken).ConfigureAwait(false);
        return (_a1Rows, _declarationRows);
    }

    private void Enqueue(Lane.Batch batch)
    {
        // A decoding thread waits here while two batches are queued: the pool knows it is blocked.
        try
        {
            _queue.Writer.WriteAsync(batch, _cancellationToken).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            batch.Rows.Clear();
            throw new IOException($"the reference copy into ClickHouse stopped: {Failure?.Message}", Failure);
        }
    }

    private async Task SendAllAsync()
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                if (Failure is null)
                {
                    await _store.InsertRowBinaryAsync(batch.Table, batch.Rows.OpenRead, _cancellationToken).ConfigureAwait(false);
                    if (ReferenceEquals(batch.Table, Tables.A1Certificates))
                    {
                        _a1Rows += batch.Rows.Rows;
                    }
                    else
                    {
                        _declarationRows += batch.Rows.Rows;
                    }
                }
            }
            catch (Exception e)
            {
                // Closed without the error: the writers fail on the closed queue and read Failure, while
                // this loop drains what is left (a channel closed with an error would throw it here).
                Failure = e;
                _queue.Writer.TryComplete();
            }
            finally
            {
                batch.Rows.Clear();
            }
        }
    }

    /// <summary>One decoding thread's batch of one table.</summary>
    private sealed class Lane
    {
        public Lane(RowBinaryEncoder encoder)
        {
            Rows = new RowBinaryBuffer();
            Encoder = encoder.Into(Rows);
        }

        public RowBinaryEncoder Encoder { get; }

        public RowBinaryBuffer Rows { get; private set; }

        public Batch Take()
        {
            var full = new Batch(Encoder.Table, Rows);
            Rows = new RowBinaryBuffer();
            Encoder.Into(Rows);
            return full;
        }

        public readonly record struct Batch(TableSpec Table, RowBinaryBuffer Rows);
    }
}
