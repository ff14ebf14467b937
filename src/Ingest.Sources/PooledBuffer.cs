using System.Buffers;

namespace Ingest.Sources;

/// <summary>An array rented from the units' pool, returned when its owner (a unit, a Kafka record) is disposed.</summary>
public sealed class PooledBuffer : IDisposable
{
    // Not the shared pool: units are rented on the reading thread and returned by the parse workers,
    // with up to a few thousand in flight, more than the shared pool keeps per size (it then drops
    // returns and allocates rents: about 1 KB a unit, a gigabyte in a year's run).
    private static readonly ArrayPool<byte> s_pool = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: 8192);
    private byte[]? _array;

    public PooledBuffer(int length)
    {
        _array = s_pool.Rent(Math.Max(length, 1));
        Length = length;
    }

    public int Length { get; }

    /// <summary>A pooled copy of <paramref name="bytes"/>.</summary>
    public static PooledBuffer CopyOf(ReadOnlySpan<byte> bytes)
    {
        var buffer = new PooledBuffer(bytes.Length);
        bytes.CopyTo(buffer.Array);
        return buffer;
    }

    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            s_pool.Return(array);
        }
    }
}
