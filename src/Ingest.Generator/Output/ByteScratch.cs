using System.Runtime.CompilerServices;

namespace Ingest.Generator.Output;

/// <summary>
/// A growable byte array written in place: a concrete, sealed type, so the XML writer's many small
/// appends are inlined reservations instead of IBufferWriter interface calls. One per thread.
/// </summary>
internal sealed class ByteScratch(int capacity = 8192)
{
    private byte[] _buffer = new byte[capacity];

    public int Length { get; set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Room for at least <paramref name="count"/> bytes at <see cref="Length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int count)
    {
        if (_buffer.Length - Length < count)
        {
            Grow(count);
        }
        return _buffer.AsSpan(Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
}
