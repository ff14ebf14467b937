using System.Buffers;

namespace Ingest.Generator.Output;

/// <summary>
/// A growable byte buffer rented from the shared pool: a worker serialises a whole block (entries,
/// truth and reference lines) into one, the writer thread copies the ranges out and returns it. No
/// per-SED arrays, and nothing in the reorder window for the GC to promote.
/// </summary>
internal sealed class BlockBuffer : IBufferWriter<byte>
{
    private byte[] _array;
    private int _written;

    public BlockBuffer(int capacity = 64 * 1024) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> Slice(int offset, int length) => _array.AsSpan(offset, length);

    public ReadOnlyMemory<byte> SliceMemory(int offset, int length) => _array.AsMemory(offset, length);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        var need = _written + Math.Max(sizeHint, 1);
        if (need > _array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, _array.Length * 2));
            _array.AsSpan(0, _written).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }
    }

    /// <summary>Forgets what was written, keeping the array.</summary>
    public void Reset() => _written = 0;

    /// <summary>Gives the array back to the pool; the buffer must not be used afterwards.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        _written = 0;
    }
}
