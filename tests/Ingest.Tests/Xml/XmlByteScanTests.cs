using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

/// <summary>The 16-bytes-at-a-time scans and short copies/compares agree with plain SearchValues and span operations.</summary>
public sealed class XmlByteScanTests
{
    private static readonly byte[] s_alphabet =
        [.. "aZ09_-.:<>&]\"'= \t\n\r"u8, 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xEF, 0xFF];

    /// <summary>Runs of name letters broken by one byte of the alphabet, so specials land at every offset of a 16-byte block.</summary>
    private static Gen<byte[]> Bytes =>
        from length in Gen.Choose(0, 80)
        from plain in Gen.Elements((byte)'a', (byte)'Q', (byte)'7')
        from noise in Gen.ArrayOf(Gen.Elements(s_alphabet), length)
        from density in Gen.Choose(0, 4)
        from mask in Gen.ArrayOf(Gen.Choose(0, 20), length)
        select noise.Select((b, i) => mask[i] < density * 5 ? b : plain).ToArray();

    private static Gen<(byte[] Data, int Offset)> BytesAt =>
        from data in Bytes
        from offset in Gen.Choose(0, data.Length)
        select (data, offset);

    [Property(MaxTest = 500)]
    public Property Scans_agree_with_SearchValues() =>
        Prop.ForAll(BytesAt.ToArbitrary(), input =>
        {
            var span = input.Data.AsSpan(input.Offset);
            Assert.Equal(span.IndexOfAny(XmlCharacters.TextSpecials), XmlCharacters.IndexOfTextSpecial(span));
            Assert.Equal(span.IndexOfAny(XmlCharacters.DoubleQuotedSpecials), XmlCharacters.IndexOfAttributeSpecial(span, (byte)'"'));
            Assert.Equal(span.IndexOfAny(XmlCharacters.SingleQuotedSpecials), XmlCharacters.IndexOfAttributeSpecial(span, (byte)'\''));
            Assert.Equal(span.IndexOfAnyExcept(XmlCharacters.AsciiNCNameBytes), XmlCharacters.IndexOfNonNCName(span));
            var asciiSpecial = -1;
            for (var k = 0; k < span.Length && asciiSpecial < 0; k++)
            {
                asciiSpecial = span[k] < 0x80 && XmlCharacters.TextSpecials.Contains(span[k]) ? k : -1;
            }
            Assert.Equal(asciiSpecial, XmlCharacters.IndexOfTextSpecialOrAscii(span));
        });

    [Property(MaxTest = 500)]
    public Property Short_copies_and_compares_agree_with_spans() =>
        Prop.ForAll(
            (from a in Bytes
             from b in Bytes
             from aStart in Gen.Choose(0, a.Length)
             from bStart in Gen.Choose(0, b.Length)
             from length in Gen.Choose(0, Math.Min(a.Length - aStart, b.Length - bStart))
             select (a, b, aStart, bStart, length)).ToArbitrary(),
            input =>
            {
                var (a, b, aStart, bStart, length) = input;
                Assert.Equal(a.AsSpan(aStart, length).SequenceEqual(b.AsSpan(bStart, length)), ShortBytes.Equal(a, aStart, b, bStart, length));
                // A copy of a span onto itself elsewhere compares equal, and the copied bytes are exact.
                var target = b.ToArray();
                ShortBytes.Copy(a, aStart, length, target, bStart);
                Assert.True(target.AsSpan(bStart, length).SequenceEqual(a.AsSpan(aStart, length)));
                Assert.True(ShortBytes.Equal(a, aStart, target, bStart, length));
                if (length <= 8)
                {
                    Assert.Equal(a.AsSpan(aStart, length).SequenceEqual(b.AsSpan(bStart, length)),
                        ShortBytes.Pack(a.AsSpan(aStart, length)) == ShortBytes.Pack(b.AsSpan(bStart, length)));
                }
            });
}
