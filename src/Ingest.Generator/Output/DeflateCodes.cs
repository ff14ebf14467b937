using System.Buffers.Binary;
using System.Numerics;

namespace Ingest.Generator.Output;

/// <summary>
/// The Huffman codes of a deflate block (the fixed codes of RFC 1951 §3.2.6) with the block header
/// that announces them, laid out for one table lookup per symbol: each entry packs the bit-reversed
/// code (and a length's extra bits) in the low 24 bits and the total bit count in the high 8.
/// Immutable, shared by every thread. A code given by its lengths (a dynamic block with a
/// precomputed header) would plug in the same way; measured on generated SEDs it saved only ≈ 12 %
/// of the zip size (the header costs ≈ 100 bytes per entry), so the fixed codes stay.
/// </summary>
internal sealed class DeflateCodes
{
    public const int EndOfBlock = 256;
    public const int LiteralLengthSymbols = 286;
    public const int DistanceSymbols = 30;
    public const int MaxMatch = 258;

    /// <summary>Literal bytes 0…255 and end of block (256).</summary>
    public uint[] Literal { get; } = new uint[257];
    /// <summary>Match lengths 3…258: the length symbol's code followed by its extra bits.</summary>
    public uint[] Length { get; } = new uint[MaxMatch + 1];
    /// <summary>Distance symbols 0…29 (extra bits are added by the encoder).</summary>
    public uint[] Distance { get; } = new uint[DistanceSymbols];
    /// <summary>BFINAL and BTYPE, least significant bit first.</summary>
    public byte[] Header { get; }
    public int HeaderBits { get; }

    private DeflateCodes(ReadOnlySpan<byte> literalLengths, ReadOnlySpan<byte> distanceLengths, byte[] header, int headerBits)
    {
        Header = header;
        HeaderBits = headerBits;
        var literalCodes = Canonical(literalLengths);
        var distanceCodes = Canonical(distanceLengths);
        for (var s = 0; s <= EndOfBlock; s++)
        {
            Literal[s] = literalCodes[s] | ((uint)literalLengths[s] << 24);
        }
        for (var s = 0; s < DistanceSymbols; s++)
        {
            Distance[s] = distanceCodes[s] | ((uint)distanceLengths[s] << 24);
        }
        for (var len = 3; len <= MaxMatch; len++)
        {
            var (symbol, extraBits, extra) = LengthSymbol(len);
            var bits = literalLengths[symbol];
            Length[len] = literalCodes[symbol] | ((uint)extra << bits) | ((uint)(bits + extraBits) << 24);
        }
    }

    /// <summary>The fixed codes of RFC 1951 §3.2.6 (block type 01).</summary>
    public static DeflateCodes Fixed { get; } = CreateFixed();

    private static DeflateCodes CreateFixed()
    {
        Span<byte> literal = stackalloc byte[LiteralLengthSymbols + 2];
        for (var s = 0; s < literal.Length; s++)
        {
            literal[s] = s switch { < 144 => 8, < 256 => 9, < 280 => 7, _ => 8 };
        }
        Span<byte> distance = stackalloc byte[DistanceSymbols];
        distance.Fill(5);
        return new DeflateCodes(literal, distance, [0b011], 3); // BFINAL = 1, BTYPE = 01
    }

    /// <summary>Canonical Huffman codes (RFC 1951 §3.2.2), bit-reversed for LSB-first output.</summary>
    internal static uint[] Canonical(ReadOnlySpan<byte> lengths)
    {
        Span<int> count = stackalloc int[16];
        foreach (var l in lengths)
        {
            count[l]++;
        }
        count[0] = 0;
        Span<int> next = stackalloc int[16];
        var code = 0;
        for (var bits = 1; bits < 16; bits++)
        {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        var codes = new uint[lengths.Length];
        for (var s = 0; s < lengths.Length; s++)
        {
            if (lengths[s] != 0)
            {
                codes[s] = Reverse((uint)next[lengths[s]]++, lengths[s]);
            }
        }
        return codes;
    }

    internal static uint Reverse(uint code, int length)
    {
        var v = code;
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return BinaryPrimitives.ReverseEndianness(v) >> (32 - length);
    }

    /// <summary>Length 3…258 → symbol 257…285 with its extra bits (RFC 1951 §3.2.5).</summary>
    internal static (int Symbol, int ExtraBits, int Extra) LengthSymbol(int length)
    {
        var x = length - 3;
        if (length == MaxMatch)
        {
            return (285, 0, 0);
        }
        if (x < 8)
        {
            return (257 + x, 0, 0);
        }
        var nb = BitOperations.Log2((uint)x);
        var extraBits = nb - 2;
        return (257 + (4 * (nb - 1)) + ((x >> extraBits) & 3), extraBits, x & ((1 << extraBits) - 1));
    }
}
