using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Ingest.Xml;

public ref partial struct XmlTokenReader
{
    private int ParseText(ReadOnlySpan<byte> buf, int i)
    {
        var max = _options.MaxTextLength;
        if (_options.IgnoreIndentation && XmlCharacters.IsWhitespace(buf[i]))
        {
            // Indentation: a short scalar scan beats the vectorised search; anything unusual falls through.
            var p = i;
            var lineBreak = false;
            while (p < buf.Length && XmlCharacters.IsWhitespace(buf[p]))
            {
                lineBreak |= buf[p] is (byte)'\n' or (byte)'\r';
                p++;
            }
            if (lineBreak && p < buf.Length && buf[p] == (byte)'<' && p - i <= max)
            {
                return p;
            }
        }
        var window = buf[i..Math.Min(buf.Length, i + max + 1)];
        var k = XmlCharacters.IndexOfTextSpecial(window);
        if (k >= 0 && window[k] == (byte)'<')
        {
            _tokenType = XmlTokenType.Text;
            _value = window[..k];
            _valueIsAscii = true;
            return i + k;
        }
        if (k < 0)
        {
            if (window.Length == max + 1)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + i + max);
            }
            return -1;
        }
        if (window[k] >= 0x80)
        {
            var end = ScanNonAsciiText(window, k);
            if (end >= 0)
            {
                _tokenType = XmlTokenType.Text;
                _value = window[..end];
                _valueIsAscii = false;
                return i + end;
            }
        }
        return ParseTextSlow(buf, i, k);
    }

    /// <summary>
    /// Text that is plain but for non-ASCII letters (names, towns): validated as a whole run and kept in
    /// place. Returns the index of the closing '&lt;', or -1 for anything else (a reference, CR, a control,
    /// invalid UTF-8, no '&lt;' in the window), which the exact slow path then handles from <paramref name="k"/>.
    /// </summary>
    private static int ScanNonAsciiText(ReadOnlySpan<byte> window, int k)
    {
        var e = XmlCharacters.IndexOfTextSpecialOrAscii(window[k..]);
        if (e < 0 || window[k + e] != (byte)'<')
        {
            return -1;
        }
        var run = window.Slice(k, e);
        if (!Utf8.IsValid(run) || XmlCharacters.ContainsNonCharacter(run))
        {
            return -1;
        }
        return k + e;
    }

    /// <summary>Text with references, CR, ']' or non-ASCII: decoded into scratch memory.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseTextSlow(ReadOnlySpan<byte> buf, int i, int k)
    {
        var b = _buffers;
        var limitEnd = i + _options.MaxTextLength;
        XmlReaderBuffers.Grow(ref b.Text, k + 64);
        buf.Slice(i, k).CopyTo(b.Text);
        var o = k;
        var j = i + k;
        while (true)
        {
            if (j > limitEnd)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + limitEnd);
            }
            if (j >= buf.Length)
            {
                return -1;
            }
            var rest = buf[j..Math.Min(buf.Length, limitEnd + 1)];
            var s = rest.IndexOfAny(XmlCharacters.TextSpecials);
            var run = s < 0 ? rest : rest[..s];
            XmlReaderBuffers.Grow(ref b.Text, o + run.Length + 8);
            run.CopyTo(b.Text.AsSpan(o));
            o += run.Length;
            j += run.Length;
            if (s < 0)
            {
                continue;
            }
            switch (buf[j])
            {
                case (byte)'<':
                    _tokenType = XmlTokenType.Text;
                    _value = b.Text.AsSpan(0, o);
                    _valueIsAscii = false;
                    return j;
                case (byte)'&':
                    {
                        var next = ParseReference(buf, j, b.Text.AsSpan(o), out var written);
                        if (next < 0)
                        {
                            return -1;
                        }
                        o += written;
                        j = next;
                        break;
                    }
                case (byte)'\r':
                    if (j + 1 >= buf.Length)
                    {
                        return -1;
                    }
                    b.Text[o++] = (byte)'\n';
                    j += buf[j + 1] == (byte)'\n' ? 2 : 1;
                    break;
                case (byte)']':
                    {
                        var m = MatchPrefix(buf[j..], "]]>"u8);
                        if (m == 1)
                        {
                            ThrowAt(ParseErrorCode.CDataEndInText, _bufAbs + j);
                        }
                        if (m == 0)
                        {
                            return -1;
                        }
                        b.Text[o++] = (byte)']';
                        j++;
                        break;
                    }
                default:
                    {
                        var n = ValidateCharAt(buf, j);
                        if (n < 0)
                        {
                            return -1;
                        }
                        buf.Slice(j, n).CopyTo(b.Text.AsSpan(o));
                        o += n;
                        j += n;
                        break;
                    }
            }
        }
    }

    /// <summary>
    /// Validates the character at <paramref name="j"/> (a control byte or a UTF-8 lead byte): returns its
    /// length, -1 when the buffer ends inside it, throws when it is not valid UTF-8 or not an XML Char.
    /// Runs of non-ASCII text are validated in one go.
    /// </summary>
    private readonly int ValidateCharAt(ReadOnlySpan<byte> buf, int j)
    {
        var b = buf[j];
        if (b < 0x80)
        {
            ThrowAt(ParseErrorCode.InvalidCharacter, _bufAbs + j, $"U+{b:X4}");
        }
        var status = Rune.DecodeFromUtf8(buf[j..], out var rune, out var consumed);
        if (status == OperationStatus.NeedMoreData && j + 4 > buf.Length)
        {
            return -1;
        }
        if (status != OperationStatus.Done)
        {
            ThrowAt(ParseErrorCode.InvalidUtf8, _bufAbs + j);
        }
        if (!XmlCharacters.IsXmlChar((uint)rune.Value))
        {
            ThrowAt(ParseErrorCode.InvalidCharacter, _bufAbs + j, $"U+{rune.Value:X4}");
        }
        return consumed;
    }

    /// <summary>
    /// Decodes "&amp;name;" or a character reference at <paramref name="j"/> into <paramref name="destination"/>
    /// (at least 4 bytes). Returns the index after ';' or -1 when the buffer ends inside it.
    /// </summary>
    private readonly int ParseReference(ReadOnlySpan<byte> buf, int j, Span<byte> destination, out int written)
    {
        const int MaxReference = 32;
        written = 0;
        var rest = buf[(j + 1)..];
        var isCharRef = !rest.IsEmpty && rest[0] == (byte)'#';
        // Scan only what a reference may contain, so a stray '&' fails at once instead of waiting for a ';'.
        var semi = -1;
        for (var k = 0; k < rest.Length; k++)
        {
            var c = rest[k];
            if (c == (byte)';')
            {
                semi = k;
                break;
            }
            var allowed = isCharRef
                ? (k == 0 || (k == 1 && c == (byte)'x') || char.IsAsciiHexDigit((char)c))
                : XmlCharacters.AsciiNameClass(c) != 0 || c == (byte)':' || c >= 0x80;
            if (!allowed || k >= MaxReference)
            {
                ThrowAt(isCharRef ? ParseErrorCode.InvalidCharacterReference : ParseErrorCode.UndefinedEntity, _bufAbs + j, "malformed reference");
            }
        }
        if (semi < 0)
        {
            return -1;
        }
        var body = rest[..semi];
        if (!isCharRef)
        {
            byte c = body switch
            {
                _ when body.SequenceEqual("lt"u8) => (byte)'<',
                _ when body.SequenceEqual("gt"u8) => (byte)'>',
                _ when body.SequenceEqual("amp"u8) => (byte)'&',
                _ when body.SequenceEqual("apos"u8) => (byte)'\'',
                _ when body.SequenceEqual("quot"u8) => (byte)'"',
                _ => 0,
            };
            if (c == 0)
            {
                ThrowAt(ParseErrorCode.UndefinedEntity, _bufAbs + j, $"&{Encoding.UTF8.GetString(body)};");
            }
            destination[0] = c;
            written = 1;
            return j + semi + 2;
        }
        var digits = body[1..];
        var hex = !digits.IsEmpty && digits[0] == (byte)'x';
        if (hex)
        {
            digits = digits[1..];
        }
        if (digits.IsEmpty)
        {
            ThrowAt(ParseErrorCode.InvalidCharacterReference, _bufAbs + j);
        }
        long value = 0;
        foreach (var d in digits)
        {
            int v;
            if (d >= (byte)'0' && d <= (byte)'9')
            {
                v = d - '0';
            }
            else if (hex && d >= (byte)'a' && d <= (byte)'f')
            {
                v = d - 'a' + 10;
            }
            else if (hex && d >= (byte)'A' && d <= (byte)'F')
            {
                v = d - 'A' + 10;
            }
            else
            {
                ThrowAt(ParseErrorCode.InvalidCharacterReference, _bufAbs + j);
                return -1;
            }
            value = (value * (hex ? 16 : 10)) + v;
            if (value > 0x10FFFF)
            {
                ThrowAt(ParseErrorCode.InvalidCharacterReference, _bufAbs + j, "beyond U+10FFFF");
            }
        }
        if (!XmlCharacters.IsXmlChar((uint)value))
        {
            ThrowAt(ParseErrorCode.InvalidCharacterReference, _bufAbs + j, $"U+{value:X4} is not an XML character");
        }
        written = new Rune((int)value).EncodeToUtf8(destination);
        return j + semi + 2;
    }
}
