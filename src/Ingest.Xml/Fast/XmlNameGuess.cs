using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ingest.Xml.Fast;

/// <summary>
/// An element name a handler expects the next start tag to have (SEDs follow their schema's order), as
/// one vector: the name, then '&gt;'. When the bytes after '&lt;' are exactly that,
/// <see cref="XmlFastReader"/> knows the tag — this name, no attribute, not empty — from one compare
/// instead of scanning the name. The constructor accepts only an ASCII QName (an NCName, or two joined
/// by one colon) of up to <see cref="MaxLength"/> bytes, anything else guesses nothing, so a guess can
/// never let a badly formed tag through: the bytes it matches would have passed the scan with the same
/// result (the prefix is still resolved as any other).
/// </summary>
public readonly struct XmlNameGuess
{
    /// <summary>The name and its '&gt;' fill one 32-byte vector.</summary>
    public const int MaxLength = 31;

    private readonly Vector256<byte> _bytes;
    // The bits of the name and its '>' in a byte-compare mask.
    private readonly uint _mask;

    public XmlNameGuess(ReadOnlySpan<byte> qualifiedName)
    {
        var prefixLength = qualifiedName.IndexOf((byte)':');
        if (qualifiedName.Length > MaxLength
            || !IsNCName(prefixLength < 0 ? qualifiedName : qualifiedName[..prefixLength])
            || (prefixLength >= 0 && !IsNCName(qualifiedName[(prefixLength + 1)..])))
        {
            return;
        }
        Span<byte> bytes = stackalloc byte[32];
        qualifiedName.CopyTo(bytes);
        bytes[qualifiedName.Length] = (byte)'>';
        _bytes = Vector256.Create((ReadOnlySpan<byte>)bytes);
        _mask = (2u << qualifiedName.Length) - 1;
        Length = qualifiedName.Length;
        PrefixLength = Math.Max(prefixLength, 0);
    }

    /// <summary>The qualified name's length; 0 when this guesses nothing.</summary>
    public int Length { get; }

    /// <summary>The prefix's length, 0 for an unprefixed name.</summary>
    public int PrefixLength { get; }

    /// <summary>True when the 32 bytes after a '&lt;' start with the name and '&gt;'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Matches(Vector256<byte> afterLessThan) => (~Vector256.Equals(afterLessThan, _bytes).ExtractMostSignificantBits() & _mask) == 0;

    private static bool IsNCName(ReadOnlySpan<byte> name) =>
        !name.IsEmpty && (XmlCharacters.AsciiNameClass(name[0]) & XmlCharacters.NameStart) != 0 && XmlCharacters.IndexOfNonNCName(name) < 0;
}
