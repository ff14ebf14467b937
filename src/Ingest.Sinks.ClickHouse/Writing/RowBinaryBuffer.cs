using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Rows already encoded in ClickHouse's RowBinary format, in reused 1 MB chunks. A batch held as
/// bytes instead of object rows gives the garbage collector nothing to trace or promote while it
/// waits for its insert, and the insert body is a plain copy. Not thread-safe; one owner.
/// </summary>
internal sealed class RowBinaryBuffer
{
    private const int ChunkBytes = 1 << 20;
    // Chunks are large-object-heap arrays: reused here, not dropped, or every batch would count
    // towards a full collection. About two batches' worth is kept.
    private const int PooledChunks = 160;
    private static readonly ConcurrentQueue<byte[]> s_pool = new();
    private readonly List<byte[]> _full = [];
    private readonly List<int> _fullLengths = [];
    private byte[]? _chunk;
    private int _used;

    public int Rows { get; private set; }

    public long Bytes
    {
        get
        {
            long total = _used;
            foreach (var n in _fullLengths)
            {
                total += n;
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
            if (_chunk is not null)
            {
                Return(_chunk);
            }
            _chunk = _full[^1];
            _full.RemoveAt(_full.Count - 1);
            _fullLengths.RemoveAt(_fullLengths.Count - 1);
        }
        _used = mark.Used;
    }

    /// <summary>Returns the chunks to the pool; the buffer can be written again.</summary>
    public void Clear()
    {
        foreach (var chunk in _full)
        {
            Return(chunk);
        }
        _full.Clear();
        _fullLengths.Clear();
        if (_chunk is not null)
        {
            Return(_chunk);
            _chunk = null;
        }
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
        if (_chunk is null || _chunk.Length - _used < n)
        {
            if (_chunk is not null)
            {
                _full.Add(_chunk);
                _fullLengths.Add(_used);
            }
            _chunk = n <= ChunkBytes && s_pool.TryDequeue(out var pooled) ? pooled : new byte[Math.Max(ChunkBytes, n)];
            _used = 0;
        }
        return _chunk.AsSpan(_used);
    }

    private static void Return(byte[] chunk)
    {
        if (chunk.Length == ChunkBytes && s_pool.Count < PooledChunks)
        {
            s_pool.Enqueue(chunk);
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
                    source = buffer._full[_index].AsSpan(0, buffer._fullLengths[_index]);
                }
                else if (_index == buffer._full.Count && buffer._chunk is not null)
                {
                    source = buffer._chunk.AsSpan(0, buffer._used);
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
