using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Core.Seds;

/// <summary>
/// A text value of a <see cref="SedRecord"/>: a string, or UTF-8 bytes in the record's <see cref="SedValueBytes"/>
/// that become a string the first time the value is read (and stay one). The parser copies a value's bytes
/// once and creates no string: fields nobody reads (a street, a place's name, free text) never cost one,
/// and the others cost theirs where they are used.
/// </summary>
/// <remarks>
/// Two threads reading one unread value may each create the string; both are equal and either is kept.
/// The bytes belong to the record: a record recycled for another document must no longer be read.
/// </remarks>
internal struct SedText
{
    // A string (set, or read once), the SedValueBytes holding the value, or null.
    private object? _source;
    // The bytes' start (low half) and count (high half, complemented when the bytes are not all ASCII),
    // as one field: built in a register and stored whole, where two int fields were stored in halves and
    // read back whole when the value was passed on, a store-forwarding stall on every value kept.
    private long _extent;

    public SedText(SedValueBytes bytes, int start, int length, bool ascii)
    {
        _source = bytes;
        _extent = (long)(ascii ? length : ~length) << 32 | (uint)start;
    }

    public static implicit operator SedText(string? value) => new() { _source = value };

    public readonly bool IsNull => _source is null;

    /// <summary>The string if there is one yet (set, or read before); null while the value is still bytes.</summary>
    public readonly string? StringIfMade => _source as string;

    public string? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var source = _source;
            return source is null || source.GetType() == typeof(string) ? Unsafe.As<string>(source) : Materialise(Unsafe.As<SedValueBytes>(source));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string Materialise(SedValueBytes bytes)
    {
        var start = (int)_extent;
        var length = (int)(_extent >> 32);
        var value = length >= 0
            ? Encoding.Latin1.GetString(bytes.Slice(start, length))
            : Encoding.UTF8.GetString(bytes.Slice(start, ~length));
        _source = value;
        return value;
    }
}

/// <summary>The UTF-8 bytes of one document's values that its <see cref="SedText"/>s point into; reused with the record.</summary>
internal sealed class SedValueBytes
{
    // A hostile document's values may take megabytes: a recycled record keeps at most this much.
    private const int MaxKeptCapacity = 64 * 1024;

    private byte[] _bytes;
    private int _length;

    public SedValueBytes(int capacity = 512) => _bytes = new byte[capacity];

    public int Length => _length;

    public int Capacity => _bytes.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SedText Add(ReadOnlySpan<byte> utf8, bool ascii)
    {
        var start = _length;
        var end = start + utf8.Length;
        if ((uint)end > (uint)_bytes.Length)
        {
            Grow(end);
        }
        utf8.CopyTo(_bytes.AsSpan(start));
        _length = end;
        return new SedText(this, start, utf8.Length, ascii);
    }

    public ReadOnlySpan<byte> Slice(int start, int length) => new(_bytes, start, length);

    /// <summary>Empties it for the next document; only once no value points into it any more.</summary>
    public void Clear()
    {
        _length = 0;
        if (_bytes.Length > MaxKeptCapacity)
        {
            _bytes = new byte[512];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        // Values already handed out hold this object, not the array, so moving the bytes keeps them valid.
        var bigger = new byte[Math.Max(needed, 2 * _bytes.Length)];
        _bytes.AsSpan(0, _length).CopyTo(bigger);
        _bytes = bigger;
    }
}
