using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Generator.Output;

/// <summary>
/// A small raw-deflate encoder (RFC 1951) for few-KB entries: one final block with the fixed Huffman
/// codes (<see cref="DeflateCodes"/>) and greedy LZ77 over a 4-byte hash with one candidate per
/// bucket. No per-entry zlib state to create or clear: the cost is the match search and one table
/// lookup per symbol, with the bit accumulator in registers. Against zlib's fastest level (what a
/// DeflateStream with CompressionLevel.Fastest runs) it gives the same size in about half the time.
/// Not thread-safe: one instance per thread.
/// </summary>
internal sealed class FixedHuffmanDeflater
{
    private const int HashBits = 13;
    private const int MinMatch = 4;
    private const int MaxDistance = 32768;

    private static readonly DeflateCodes s_codes = DeflateCodes.Fixed;
    private readonly int[] _head = new int[1 << HashBits];
    private int _base;

    /// <summary>Room <see cref="Deflate(ReadOnlySpan{byte}, Span{byte})"/> may use: a literal costs at most 9 bits and a match of 4 or more bytes at most 31, plus the header and an 8-byte store slack.</summary>
    public static int MaxOutputLength(int inputLength) => inputLength + (inputLength >> 3) + s_codes.Header.Length + 24;

    public byte[] Deflate(ReadOnlySpan<byte> src)
    {
        var buffer = new byte[MaxOutputLength(src.Length)];
        return buffer.AsSpan(0, Deflate(src, buffer)).ToArray();
    }

    /// <summary>Deflates <paramref name="src"/> into <paramref name="dst"/> (at least <see cref="MaxOutputLength"/> long); returns the bytes written.</summary>
    // Not inlined: a tier-1 caller that inlines this loop runs it slower than the standalone optimised copy.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public int Deflate(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var n = src.Length;
        if (dst.Length < MaxOutputLength(n))
        {
            throw new ArgumentException("destination shorter than MaxOutputLength", nameof(dst));
        }
        var head = _head;
        if (_base > int.MaxValue - n - 2)
        {
            Array.Clear(head);
            _base = 0;
        }
        // Hash entries hold base + position + 1: anything at or below this call's base belongs to an
        // earlier input, so the table never needs clearing between entries.
        var start = _base;
        _base += n + 1;

        ref var s = ref MemoryMarshal.GetReference(src);
        ref var d = ref MemoryMarshal.GetReference(dst);
        ref var lit = ref MemoryMarshal.GetArrayDataReference(s_codes.Literal);
        ref var len = ref MemoryMarshal.GetArrayDataReference(s_codes.Length);
        ref var dist = ref MemoryMarshal.GetArrayDataReference(s_codes.Distance);
        ref var hashHead = ref MemoryMarshal.GetArrayDataReference(head);

        // Bit accumulator: after every flush at most 7 bits are pending and no symbol adds more than 31
        // (8 + 5 for a length, 5 + 13 for a distance), so one unaligned 64-bit store per symbol suffices.
        ulong bits = s_codes.Header[0];
        var count = s_codes.HeaderBits;
        var o = 0;
        var i = 0;
        while (i + MinMatch <= n)
        {
            var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref s, i));
            ref var slot = ref Unsafe.Add(ref hashHead, (int)((v * 2654435761u) >> (32 - HashBits)));
            var candidate = slot - start - 1;
            slot = start + i + 1;
            if (candidate < 0 || i - candidate > MaxDistance || Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref s, candidate)) != v)
            {
                Put(ref d, ref o, ref bits, ref count, Unsafe.Add(ref lit, Unsafe.Add(ref s, i)));
                i++;
                continue;
            }
            var length = MatchLength(ref s, candidate, i, Math.Min(DeflateCodes.MaxMatch, n - i));
            Put(ref d, ref o, ref bits, ref count, Unsafe.Add(ref len, length));
            var x = i - candidate - 1;
            if (x < 4)
            {
                Put(ref d, ref o, ref bits, ref count, Unsafe.Add(ref dist, x));
            }
            else
            {
                var nb = BitOperations.Log2((uint)x);
                var extraBits = nb - 1;
                var code = Unsafe.Add(ref dist, (2 * nb) + ((x >> extraBits) & 1));
                // Code and extra bits in one entry: the code's bit count sits in the top byte.
                var codeBits = (int)(code >> 24);
                Put(ref d, ref o, ref bits, ref count, ((code & 0xFFFFFF) | ((uint)(x & ((1 << extraBits) - 1)) << codeBits)) | ((uint)(codeBits + extraBits) << 24));
            }
            i += length;
        }
        for (; i < n; i++)
        {
            Put(ref d, ref o, ref bits, ref count, Unsafe.Add(ref lit, Unsafe.Add(ref s, i)));
        }
        Put(ref d, ref o, ref bits, ref count, Unsafe.Add(ref lit, DeflateCodes.EndOfBlock));
        return o + ((count + 7) >> 3);
    }

    /// <summary>Appends a packed entry (bits in the low 24, bit count in the high 8) and flushes whole bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ref byte d, ref int o, ref ulong bits, ref int count, uint entry)
    {
        bits |= (ulong)(entry & 0xFFFFFF) << count;
        count += (int)(entry >> 24);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref d, o), bits);
        var flushed = count >> 3;
        o += flushed;
        bits >>= flushed << 3;
        count &= 7;
    }

    /// <summary>Length of the match at <paramref name="at"/> against <paramref name="from"/>, known to share 4 bytes, up to <paramref name="max"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchLength(ref byte s, int from, int at, int max)
    {
        var length = MinMatch;
        while (length + 8 <= max)
        {
            var diff = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, from + length)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, at + length));
            if (diff != 0)
            {
                return length + (BitOperations.TrailingZeroCount(diff) >> 3);
            }
            length += 8;
        }
        while (length < max && Unsafe.Add(ref s, from + length) == Unsafe.Add(ref s, at + length))
        {
            length++;
        }
        return length;
    }
}
