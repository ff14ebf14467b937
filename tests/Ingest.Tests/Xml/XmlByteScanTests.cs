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

    [Property(MaxTest = 1000)]
    public Property Compares_within_one_span_agree_with_spans() =>
        Prop.ForAll(
            (from data in Gen.Choose(1, 96).SelectMany(n => Gen.ArrayOf(Gen.Elements(s_alphabet), n))
             from length in Gen.Choose(1, Math.Min(40, data.Length))
             from aStart in Gen.Choose(0, data.Length - length)
             from bStart in Gen.Choose(0, data.Length - length)
             from flip in Gen.Choose(-1, length - 1)
             select (data, aStart, bStart, length, flip)).ToArbitrary(),
            input =>
            {
                // The second range made a copy of the first (a name and its end tag), then maybe one byte
                // changed, at any lane of the 16- and 32-byte compares.
                var (data, aStart, bStart, length, flip) = input;
                var bytes = data.ToArray();
                Array.Copy(data, aStart, bytes, bStart, length);
                if (flip >= 0)
                {
                    bytes[bStart + flip] ^= 0x20;
                }
                Assert.Equal(bytes.AsSpan(aStart, length).SequenceEqual(bytes.AsSpan(bStart, length)), ShortBytes.Equal(bytes, aStart, bStart, length));
            });
}
