using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Xml;

/// <summary>
/// A set of bytes tested 16 at a time with two nibble lookups (PSHUFB): b is a member when
/// <c>Lo[b &amp; 15] &amp; Hi[b &gt;&gt; 4]</c> is not zero. Most SED names and values are 5–30 bytes, too short
/// for a <see cref="System.Buffers.SearchValues{T}"/> search to pay for its call, yet long enough that a
/// byte-by-byte table loop dominates the profile; one inlined vector step covers them whole.
/// High nibbles share bits, so only sets whose rows (bytes with the same high nibble) repeat in at most
/// eight distinct ways fit — true of every set here.
/// </summary>
internal sealed class AsciiSet
{
    private readonly Vector128<byte> _lo;
    private readonly Vector128<byte> _hi;
    private readonly byte[] _table = new byte[256];

    public AsciiSet(Func<int, bool> contains)
    {
        Span<byte> lo = stackalloc byte[16];
        Span<byte> hi = stackalloc byte[16];
        // Group the 16 rows (high nibbles) by their 16-bit membership pattern; each distinct non-empty
        // pattern gets one bit.
        Span<ushort> patterns = stackalloc ushort[8];
        var used = 0;
        for (var h = 0; h < 16; h++)
        {
            ushort pattern = 0;
            for (var l = 0; l < 16; l++)
            {
                if (contains((h << 4) | l))
                {
                    pattern |= (ushort)(1 << l);
                    _table[(h << 4) | l] = 1;
                }
            }
            if (pattern == 0)
            {
                continue;
            }
            var bit = patterns[..used].IndexOf(pattern);
            if (bit < 0)
            {
                if (used == 8)
                {
                    throw new ArgumentException("more than eight distinct rows", nameof(contains));
                }
                bit = used;
                patterns[used++] = pattern;
            }
            hi[h] = (byte)(1 << bit);
            for (var l = 0; l < 16; l++)
            {
                if ((pattern & (1 << l)) != 0)
                {
                    lo[l] |= (byte)(1 << bit);
                }
            }
        }
        _lo = Vector128.Create((ReadOnlySpan<byte>)lo);
        _hi = Vector128.Create((ReadOnlySpan<byte>)hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(byte b) => _table[b] != 0;

    /// <summary>Bit i set when byte i of <paramref name="v"/> is not a member.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint NonMembers(Vector128<byte> v)
    {
        var lo = Ssse3.Shuffle(_lo, v & Vector128.Create((byte)0x0F));
        var hi = Ssse3.Shuffle(_hi, Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F));
        return Vector128.Equals(lo & hi, Vector128<byte>.Zero).ExtractMostSignificantBits();
    }

    /// <summary>Index of the first byte that is not a member, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOfNonMember(ReadOnlySpan<byte> span)
    {
        ref var start = ref MemoryMarshal.GetReference(span);
        var n = span.Length;
        var i = 0;
        if (Ssse3.IsSupported && n >= 16)
        {
            for (; i <= n - 16; i += 16)
            {
                var mask = NonMembers(Vector128.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
            if (i == n)
            {
                return -1;
            }
            // The tail: one more vector ending at the last byte, its already-seen lanes shifted out.
            var tail = NonMembers(Vector128.LoadUnsafe(ref start, (nuint)(n - 16))) >> (i - (n - 16));
            return tail != 0 ? i + BitOperations.TrailingZeroCount(tail) : -1;
        }
        return IndexOfNonMemberScalar(ref start, i, n);
    }

    private int IndexOfNonMemberScalar(ref byte start, int i, int n)
    {
        var table = _table;
        for (; i < n; i++)
        {
            if (table[Unsafe.Add(ref start, i)] == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
