using System.Buffers;

namespace Ingest.Sources;

/// <summary>An array rented from the shared pool, returned when the unit that owns it is disposed.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[]? _array;

    public PooledBuffer(int length)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        Length = length;
    }

    public int Length { get; }

    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
