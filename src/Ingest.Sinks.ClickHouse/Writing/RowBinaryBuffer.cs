using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Rows already encoded in ClickHouse's RowBinary format, in reused 1 MB chunks. A batch held as
/// bytes instead of object rows gives the garbage collector nothing to trace or promote while it
/// waits for its insert, and the insert body is a plain copy. Not thread-safe; one owner.
/// </summary>
/// <remarks>
/// The chunks are native memory, not arrays: a batch is a hundred megabytes or more, and as
/// large-object-heap arrays the chunks a batch took beyond the pool counted towards the large-object
/// budget, whose overrun starts a full (background) collection that marks the whole heap — the
/// reference snapshot and the run history — four times in a 100 000-record stream drain (two since).
/// Chunks are owned here only: <see cref="Clear"/> gives them back, and the finalizer frees those of a
/// buffer dropped without it; a span handed out is written at once, while the buffer's owner holds it.
/// </remarks>
internal sealed unsafe class RowBinaryBuffer
{
    private const int ChunkBytes = 1 << 20;
    // About two batches' worth is kept for reuse; beyond that a returned chunk is freed.
    private const int PooledChunks = 160;
    private static readonly ConcurrentQueue<nint> s_pool = new();
    private readonly List<Chunk> _full = [];
    private Chunk _chunk;
    private int _used;

    ~RowBinaryBuffer()
    {
        foreach (var chunk in _full)
        {
            chunk.Free();
        }
        _chunk.Free();
    }

    public int Rows { get; private set; }

    public long Bytes
    {
        get
        {
            long total = _used;
            foreach (var chunk in _full)
            {
                total += chunk.Length;
            }
            return total;
        }
    }

    public void EndRow() => Rows++;

    public void UInt8(byte value) => Take(1)[0] = value;

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);

    public void Float32(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), value);

    /// <summary>UTF-8 with a LEB128 length prefix; null is written as the empty string.</summary>
    public void String(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Take(1)[0] = 0;
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            // Short strings (almost all): encode after a one-byte slot, then fill the length in.
            var span = Ensure(1 + max);
            var n = Encoding.UTF8.GetBytes(value, span[1..]);
            span[0] = (byte)n;
            _used += 1 + n;
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    /// <summary>
    /// <paramref name="first"/>, <paramref name="separator"/> and <paramref name="second"/> as one
    /// String value, as <see cref="String"/> writes their concatenation (just <paramref name="first"/>
    /// when <paramref name="second"/> is null).
    /// </summary>
    public void Joined(string? first, char separator, string? second)
    {
        first ??= "";
        if (second is null)
        {
            String(first);
            return;
        }
        ReadOnlySpan<char> sep = [separator];
        var length = Encoding.UTF8.GetByteCount(first) + Encoding.UTF8.GetByteCount(sep) + Encoding.UTF8.GetByteCount(second);
        VarUInt((ulong)length);
        var span = Take(length);
        var n = Encoding.UTF8.GetBytes(first, span);
        n += Encoding.UTF8.GetBytes(sep, span[n..]);
        Encoding.UTF8.GetBytes(second, span[n..]);
    }

    public void VarUInt(ulong value)
    {
        var span = Ensure(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _used += i;
    }

    /// <summary>A fresh stream over the bytes written so far (one per attempt: a failed insert is sent again).</summary>
    public Stream OpenRead() => new ChunkStream(this);

    /// <summary>Where the next byte goes: <see cref="Rollback"/> to it drops a row written in part.</summary>
    public (int Chunks, int Used) Mark() => (_full.Count, _used);

    /// <summary>Drops what was written since <paramref name="mark"/> (rows must not be counted in between).</summary>
    public void Rollback((int Chunks, int Used) mark)
    {
        while (_full.Count > mark.Chunks)
        {
            Return(_chunk);
            _chunk = _full[^1];
            _full.RemoveAt(_full.Count - 1);
        }
        _used = mark.Used;
    }

    /// <summary>Where the buffer stands, counted rows included: <see cref="RestoreTo"/> drops every row written since.</summary>
    public (int Chunks, int Used, int Rows) Checkpoint() => (_full.Count, _used, Rows);

    /// <summary>Drops every row written since <paramref name="checkpoint"/>, whole or in part.</summary>
    public void RestoreTo((int Chunks, int Used, int Rows) checkpoint)
    {
        Rollback((checkpoint.Chunks, checkpoint.Used));
        Rows = checkpoint.Rows;
    }

    /// <summary>Returns the chunks to the pool; the buffer can be written again.</summary>
    public void Clear()
    {
        foreach (var chunk in _full)
        {
            Return(chunk);
        }
        _full.Clear();
        Return(_chunk);
        _chunk = default;
        _used = 0;
        Rows = 0;
    }

    private Span<byte> Take(int n)
    {
        var span = Ensure(n)[..n];
        _used += n;
        return span;
    }

    /// <summary>At least <paramref name="n"/> free bytes in the current chunk (a value never spans chunks).</summary>
    private Span<byte> Ensure(int n)
    {
        if (_chunk.Capacity - _used < n)
        {
            if (!_chunk.IsNull)
            {
                _full.Add(_chunk with { Length = _used });
            }
            // Null first: were the allocation to fail, the finalizer must not free the chunk twice.
            _chunk = default;
            _chunk = n <= ChunkBytes && s_pool.TryDequeue(out var pooled) ? new Chunk(pooled, ChunkBytes, 0) : Chunk.Allocate(Math.Max(ChunkBytes, n));
            _used = 0;
        }
        return _chunk.Span(_used, _chunk.Capacity - _used);
    }

    private static void Return(Chunk chunk)
    {
        if (chunk.IsNull)
        {
            return;
        }
        if (chunk.Capacity == ChunkBytes && s_pool.Count < PooledChunks)
        {
            s_pool.Enqueue(chunk.Pointer);
            return;
        }
        chunk.Free();
    }

    /// <summary>A native block: its address, size and (for a full chunk) the bytes written in it.</summary>
    private readonly record struct Chunk(nint Pointer, int Capacity, int Length)
    {
        public bool IsNull => Pointer == 0;

        public static Chunk Allocate(int capacity) => new((nint)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)capacity), capacity, 0);

        public Span<byte> Span(int start, int length) => new((byte*)Pointer + start, length);

        public void Free()
        {
            if (!IsNull)
            {
                System.Runtime.InteropServices.NativeMemory.Free((void*)Pointer);
            }
        }
    }

    private sealed class ChunkStream(RowBinaryBuffer buffer) : Stream
    {
        private int _index;
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => buffer.Bytes;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] destination, int offset, int count) => Read(destination.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            while (true)
            {
                ReadOnlySpan<byte> source;
                if (_index < buffer._full.Count)
                {
                    var full = buffer._full[_index];
                    source = full.Span(0, full.Length);
                }
                else if (_index == buffer._full.Count && !buffer._chunk.IsNull)
                {
                    source = buffer._chunk.Span(0, buffer._used);
                }
                else
                {
                    return 0;
                }
                if (_offset < source.Length)
                {
                    var n = Math.Min(destination.Length, source.Length - _offset);
                    source.Slice(_offset, n).CopyTo(destination);
                    _offset += n;
                    return n;
                }
                _index++;
                _offset = 0;
            }
        }

        public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(destination.Span));

        public override Task<int> ReadAsync(byte[] destination, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(destination.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] source, int offset, int count) => throw new NotSupportedException();
    }
}
