using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ingest.Generator.Output;

/// <summary>
/// A small raw-deflate encoder (RFC 1951): one final block with the fixed Huffman codes, greedy LZ77
/// over a 4-byte hash. For the generator's few-KB XML entries it compresses about like zlib's fastest
/// level (which also uses static codes) but needs no per-entry zlib state: creating a DeflateStream per
/// entry (allocating and clearing zlib's tables) cost about as much as compressing. Not thread-safe:
/// one instance per thread.
/// </summary>
internal sealed class FixedHuffmanDeflater
{
    private const int HashBits = 13;
    private const int MinMatch = 4;
    private const int MaxMatch = 258;
    private const int MaxDistance = 32768;
    private const int EndOfBlock = 256;

    private static readonly uint[] s_literalCode = new uint[286];
    private static readonly byte[] s_literalBits = new byte[286];
    /// <summary>Length 3…258: Huffman code of its symbol followed by its extra bits, and the total bit count.</summary>
    private static readonly uint[] s_lengthCode = new uint[MaxMatch + 1];
    private static readonly byte[] s_lengthBits = new byte[MaxMatch + 1];

    private readonly int[] _head = new int[1 << HashBits];
    private int _base;
    private byte[] _out = new byte[16 * 1024];
    private int _outPos;
    private ulong _bits;
    private int _bitCount;

#pragma warning disable CA1810 // the tables depend on each other; a static constructor reads best
    static FixedHuffmanDeflater()
#pragma warning restore CA1810
    {
        for (var s = 0; s < 286; s++)
        {
            var (code, length) = s switch
            {
                < 144 => (0x30 + s, 8),
                < 256 => (0x190 + s - 144, 9),
                < 280 => (s - 256, 7),
                _ => (0xC0 + s - 280, 8),
            };
            s_literalCode[s] = Reverse((uint)code, length);
            s_literalBits[s] = (byte)length;
        }
        for (var len = 3; len <= MaxMatch; len++)
        {
            int symbol, extraBits, extra;
            var x = len - 3;
            if (len == MaxMatch)
            {
                (symbol, extraBits, extra) = (285, 0, 0);
            }
            else if (x < 8)
            {
                (symbol, extraBits, extra) = (257 + x, 0, 0);
            }
            else
            {
                var nb = BitOperations.Log2((uint)x);
                symbol = 257 + (4 * (nb - 1)) + ((x >> (nb - 2)) & 3);
                extraBits = nb - 2;
                extra = x & ((1 << extraBits) - 1);
            }
            s_lengthCode[len] = s_literalCode[symbol] | ((uint)extra << s_literalBits[symbol]);
            s_lengthBits[len] = (byte)(s_literalBits[symbol] + extraBits);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Reverse(uint code, int length)
    {
        var r = 0u;
        for (var i = 0; i < length; i++)
        {
            r = (r << 1) | ((code >> i) & 1);
        }
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Deflate(ReadOnlySpan<byte> src)
    {
        var worst = src.Length + (src.Length >> 3) + 16;
        if (_out.Length < worst)
        {
            _out = new byte[worst];
        }
        if (_base > int.MaxValue - src.Length - 2)
        {
            Array.Clear(_head);
            _base = 0;
        }
        // Hash entries hold base + position + 1: anything at or below this call's base belongs to an
        // earlier input, so the table never needs clearing between entries.
        var start = _base;
        _base += src.Length + 1;
        _outPos = 0;
        _bits = 0;
        _bitCount = 0;
        Put(3, 3); // BFINAL = 1, BTYPE = 01 (fixed codes)

        var i = 0;
        var n = src.Length;
        while (i + MinMatch <= n)
        {
            var v = BinaryPrimitives.ReadUInt32LittleEndian(src[i..]);
            var h = (int)((v * 2654435761u) >> (32 - HashBits));
            var candidate = _head[h] - start - 1;
            _head[h] = start + i + 1;
            if (candidate >= 0 && i - candidate <= MaxDistance && BinaryPrimitives.ReadUInt32LittleEndian(src[candidate..]) == v)
            {
                var length = MatchLength(src, candidate, i, Math.Min(MaxMatch, n - i));
                PutMatch(length, i - candidate);
                i += length;
            }
            else
            {
                PutLiteral(src[i]);
                i++;
            }
        }
        while (i < n)
        {
            PutLiteral(src[i++]);
        }
        Put(s_literalCode[EndOfBlock], s_literalBits[EndOfBlock]);
        while (_bitCount > 0)
        {
            _out[_outPos++] = (byte)_bits;
            _bits >>= 8;
            _bitCount -= 8;
        }
        return _out.AsSpan(0, _outPos).ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int MatchLength(ReadOnlySpan<byte> src, int from, int at, int max)
    {
        var length = MinMatch;
        while (length + 8 <= max)
        {
            var diff = BinaryPrimitives.ReadUInt64LittleEndian(src[(from + length)..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(src[(at + length)..]);
            if (diff != 0)
            {
                return length + (BitOperations.TrailingZeroCount(diff) >> 3);
            }
            length += 8;
        }
        while (length < max && src[from + length] == src[at + length])
        {
            length++;
        }
        return length;
    }

    private void PutLiteral(byte b) => Put(s_literalCode[b], s_literalBits[b]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PutMatch(int length, int distance)
    {
        Put(s_lengthCode[length], s_lengthBits[length]);
        var x = distance - 1;
        if (x < 4)
        {
            Put(Reverse((uint)x, 5), 5);
            return;
        }
        var nb = BitOperations.Log2((uint)x);
        var symbol = (2 * nb) + ((x >> (nb - 1)) & 1);
        var extraBits = nb - 1;
        Put(Reverse((uint)symbol, 5) | ((uint)(x & ((1 << extraBits) - 1)) << 5), 5 + extraBits);
    }

    /// <summary>Appends up to 31 bits, least significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Put(uint value, int count)
    {
        _bits |= (ulong)value << _bitCount;
        _bitCount += count;
        if (_bitCount >= 32)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_out.AsSpan(_outPos), (uint)_bits);
            _outPos += 4;
            _bits >>= 32;
            _bitCount -= 32;
        }
    }
}
