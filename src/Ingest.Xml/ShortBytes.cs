using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ingest.Xml;

/// <summary>
/// Copies, compares and packs names of up to 16 bytes (compares within one span: 32) as single vector or
/// word operations when the memory around them allows it (most XML names are that short), instead of
/// calling memmove/memcmp.
/// </summary>
internal static class ShortBytes
{
    /// <summary>Copies <paramref name="length"/> bytes; may write up to 16 bytes at <paramref name="destinationStart"/> (the caller keeps slack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<byte> source, int sourceStart, int length, byte[] destination, int destinationStart)
    {
        if (length <= 16 && source.Length - sourceStart >= 16 && destination.Length - destinationStart >= 16)
        {
            Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)sourceStart)
                .StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(destination), (nuint)destinationStart);
            return;
        }
        source.Slice(sourceStart, length).CopyTo(destination.AsSpan(destinationStart));
    }

    /// <summary>True when the <paramref name="length"/> bytes at both places are equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ReadOnlySpan<byte> a, int aStart, byte[] b, int bStart, int length)
    {
        if (length <= 16 && a.Length - aStart >= 16 && b.Length - bStart >= 16)
        {
            var equal = Vector128.Equals(
                Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(a), (nuint)aStart),
                Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(b), (nuint)bStart)).ExtractMostSignificantBits();
            var lanes = (1u << length) - 1;
            return (equal & lanes) == lanes;
        }
        return a.Slice(aStart, length).SequenceEqual(b.AsSpan(bStart, length));
    }

    /// <summary>True when the <paramref name="length"/> (at least 1) bytes at two places of one span are equal.</summary>
    /// <remarks>
    /// Up to 32 bytes in one compare where the span allows it: a quarter of a SED's end tags name more than
    /// 16 bytes (IdentificationNumber, PersonalIdentificationNumber, the SBDH elements).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ReadOnlySpan<byte> span, int aStart, int bStart, int length)
    {
        if (Vector256.IsHardwareAccelerated && (uint)(length - 1) < 32 && span.Length - Math.Max(aStart, bStart) >= 32)
        {
            ref var start = ref MemoryMarshal.GetReference(span);
            var equal = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)aStart), Vector256.LoadUnsafe(ref start, (nuint)bStart)).ExtractMostSignificantBits();
            var lanes = uint.MaxValue >> (32 - length);
            return (equal & lanes) == lanes;
        }
        if (length <= 16 && span.Length - Math.Max(aStart, bStart) >= 16)
        {
            ref var start = ref MemoryMarshal.GetReference(span);
            var equal = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)aStart), Vector128.LoadUnsafe(ref start, (nuint)bStart)).ExtractMostSignificantBits();
            var lanes = (1u << length) - 1;
            return (equal & lanes) == lanes;
        }
        return span.Slice(aStart, length).SequenceEqual(span.Slice(bStart, length));
    }

    /// <summary>Up to 8 bytes as one little-endian word (callers keep the length apart: zero bytes pad).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }
        ulong key = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            key = (key << 8) | bytes[i];
        }
        return key;
    }
}
