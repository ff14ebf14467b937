using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Xml;

public ref partial struct XmlTokenReader
{
    private const int NotHandled = int.MinValue;

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Parses one token starting at <paramref name="i"/>. Returns the index after it, or -1 when the
    /// buffer ends first; nothing observable changes in that case, so the caller may retry with more bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ParseToken(ReadOnlySpan<byte> buf, int i)
    {
        if (_state.Phase <= XmlDocumentPhase.AfterBom)
        {
            var r = ParseDocumentStart(buf, i);
            if (r != NotHandled)
            {
                return r;
            }
        }
        if (buf[i] == (byte)'<')
        {
            return ParseMarkup(buf, i);
        }
        return _state.Phase == XmlDocumentPhase.InRoot ? ParseText(buf, i) : SkipMiscWhitespace(buf, i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseDocumentStart(ReadOnlySpan<byte> buf, int i)
    {
        var avail = buf.Length - i;
        if (_state.Phase == XmlDocumentPhase.Start)
        {
            var b = buf[i];
            if (b == 0xEF)
            {
                var n = Math.Min(avail, 3);
                if (buf.Slice(i, n).SequenceEqual(Bom[..n]))
                {
                    if (n < 3)
                    {
                        return -1;
                    }
                    _state.Phase = XmlDocumentPhase.AfterBom;
                    return i + 3;
                }
            }
            else if (b is 0xFE or 0xFF)
            {
                ThrowAt(ParseErrorCode.UnsupportedEncoding, _bufAbs + i, "UTF-16 or UTF-32 input");
            }
            _state.Phase = XmlDocumentPhase.AfterBom;
        }
        var decl = "<?xml"u8;
        var m = Math.Min(avail, decl.Length);
        if (!buf.Slice(i, m).SequenceEqual(decl[..m]))
        {
            _state.Phase = XmlDocumentPhase.Prolog;
            return NotHandled;
        }
        if (avail < decl.Length + 1)
        {
            return -1;
        }
        if (!XmlCharacters.IsWhitespace(buf[i + decl.Length]))
        {
            _state.Phase = XmlDocumentPhase.Prolog;
            return NotHandled;
        }
        return ParseXmlDeclaration(buf, i);
    }

    private int ParseXmlDeclaration(ReadOnlySpan<byte> buf, int i)
    {
        var start = i + 6;
        var window = buf[start..Math.Min(buf.Length, start + _options.MaxTokenLength)];
        var q = window.IndexOf("?>"u8);
        if (q < 0)
        {
            if (window.Length >= _options.MaxTokenLength)
            {
                ThrowAt(ParseErrorCode.TokenTooLong, _bufAbs + i);
            }
            return -1;
        }
        var content = buf.Slice(start, q);
        var p = SkipSpaces(content, 0);
        p = ExpectPseudoAttribute(content, p, "version"u8, start, out var version);
        if (version.Length < 3 || version[0] != (byte)'1' || version[1] != (byte)'.' || version[2..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + start + p, "version must be 1.x");
        }
        var hadSpace = p < content.Length && XmlCharacters.IsWhitespace(content[p]);
        p = SkipSpaces(content, p);
        if (hadSpace && content[p..].StartsWith("encoding"u8))
        {
            p = ExpectPseudoAttribute(content, p, "encoding"u8, start, out var encoding);
            if (!Ascii.EqualsIgnoreCase(encoding, "UTF-8"u8) && !_options.Transcoded)
            {
                ThrowAt(ParseErrorCode.UnsupportedEncoding, _bufAbs + start + p, $"encoding \"{Encoding.ASCII.GetString(encoding)}\"");
            }
            hadSpace = p < content.Length && XmlCharacters.IsWhitespace(content[p]);
            p = SkipSpaces(content, p);
        }
        if (hadSpace && content[p..].StartsWith("standalone"u8))
        {
            p = ExpectPseudoAttribute(content, p, "standalone"u8, start, out var standalone);
            if (!standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
            {
                ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + start + p, "standalone must be yes or no");
            }
            p = SkipSpaces(content, p);
        }
        if (p != content.Length)
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + start + p);
        }
        _state.Phase = XmlDocumentPhase.Prolog;
        _tokenType = XmlTokenType.XmlDeclaration;
        _name = "xml"u8;
        _value = content;
        _valueIsAscii = false;
        return start + q + 2;
    }

    private readonly int ExpectPseudoAttribute(ReadOnlySpan<byte> content, int p, ReadOnlySpan<byte> name, int contentAbsStart, out ReadOnlySpan<byte> value)
    {
        if (!content[p..].StartsWith(name))
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + contentAbsStart + p, $"expected {Encoding.ASCII.GetString(name)}");
        }
        p = SkipSpaces(content, p + name.Length);
        if (p >= content.Length || content[p] != (byte)'=')
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + contentAbsStart + p, "expected '='");
        }
        p = SkipSpaces(content, p + 1);
        if (p >= content.Length || content[p] is not ((byte)'"' or (byte)'\''))
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + contentAbsStart + p, "expected a quoted value");
        }
        var quote = content[p];
        var close = content[(p + 1)..].IndexOf(quote);
        if (close < 0)
        {
            ThrowAt(ParseErrorCode.InvalidXmlDeclaration, _bufAbs + contentAbsStart + p, "unterminated value");
        }
        value = content.Slice(p + 1, close);
        return p + close + 2;
    }

    private static int SkipSpaces(ReadOnlySpan<byte> span, int p)
    {
        while (p < span.Length && XmlCharacters.IsWhitespace(span[p]))
        {
            p++;
        }
        return p;
    }

    /// <summary>Skips whitespace inside a tag; the tag as a whole may not outgrow the token limit.</summary>
    private readonly int SkipTagWhitespace(ReadOnlySpan<byte> buf, int p, int tokenStart)
    {
        while (p < buf.Length && XmlCharacters.IsWhitespace(buf[p]))
        {
            p++;
        }
        if (p - tokenStart > _options.MaxTokenLength)
        {
            ThrowAt(ParseErrorCode.TokenTooLong, _bufAbs + tokenStart);
        }
        return p;
    }

    private readonly int SkipMiscWhitespace(ReadOnlySpan<byte> buf, int i)
    {
        var j = i;
        while (j < buf.Length && XmlCharacters.IsWhitespace(buf[j]))
        {
            j++;
        }
        if (j < buf.Length && buf[j] != (byte)'<')
        {
            ThrowAt(ParseErrorCode.TextOutsideRoot, _bufAbs + j);
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ParseMarkup(ReadOnlySpan<byte> buf, int i)
    {
        if (i + 1 >= buf.Length)
        {
            return -1;
        }
        return buf[i + 1] switch
        {
            (byte)'/' => ParseEndTag(buf, i),
            (byte)'?' => ParseProcessingInstruction(buf, i),
            (byte)'!' => ParseBang(buf, i),
            _ => ParseStartTag(buf, i),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseBang(ReadOnlySpan<byte> buf, int i)
    {
        var rest = buf[i..];
        var comment = MatchPrefix(rest, "<!--"u8);
        var cdata = MatchPrefix(rest, "<![CDATA["u8);
        var doctype = MatchPrefix(rest, "<!DOCTYPE"u8);
        if (comment == 1)
        {
            return ParseComment(buf, i);
        }
        if (cdata == 1)
        {
            return ParseCData(buf, i);
        }
        if (doctype == 1)
        {
            ThrowAt(ParseErrorCode.DoctypeRejected, _bufAbs + i);
        }
        if (comment == 0 || cdata == 0 || doctype == 0)
        {
            return -1;
        }
        ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + i + 2, "expected a comment, CDATA section or element");
        return -1;
    }

    /// <summary>1 = starts with <paramref name="literal"/>, 0 = could still (too few bytes), -1 = cannot.</summary>
    private static int MatchPrefix(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> literal)
    {
        var n = Math.Min(rest.Length, literal.Length);
        if (!rest[..n].SequenceEqual(literal[..n]))
        {
            return -1;
        }
        return n == literal.Length ? 1 : 0;
    }

    private int ParseComment(ReadOnlySpan<byte> buf, int i)
    {
        var start = i + 4;
        var max = _options.MaxTextLength;
        var window = buf[start..Math.Min(buf.Length, start + max + 3)];
        var d = window.IndexOf("--"u8);
        if (d < 0 || d > max)
        {
            if (window.Length == max + 3 || d > max)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + start + max);
            }
            return -1;
        }
        if (start + d + 2 >= buf.Length)
        {
            return -1;
        }
        if (buf[start + d + 2] != (byte)'>')
        {
            ThrowAt(ParseErrorCode.InvalidComment, _bufAbs + start + d);
        }
        _value = NormalizeRaw(buf, start, d);
        _valueIsAscii = false;
        _tokenType = XmlTokenType.Comment;
        return start + d + 3;
    }

    private int ParseCData(ReadOnlySpan<byte> buf, int i)
    {
        if (_state.Phase != XmlDocumentPhase.InRoot)
        {
            ThrowAt(ParseErrorCode.TextOutsideRoot, _bufAbs + i);
        }
        var start = i + 9;
        var max = _options.MaxTextLength;
        var window = buf[start..Math.Min(buf.Length, start + max + 3)];
        var d = window.IndexOf("]]>"u8);
        if (d < 0)
        {
            if (window.Length == max + 3)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + start + max);
            }
            return -1;
        }
        _value = NormalizeRaw(buf, start, d);
        _valueIsAscii = false;
        _tokenType = XmlTokenType.CData;
        return start + d + 3;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseProcessingInstruction(ReadOnlySpan<byte> buf, int i)
    {
        var p = ScanQName(buf, i + 2, out var prefixLength);
        if (p < 0)
        {
            return -1;
        }
        var target = buf[(i + 2)..p];
        if (prefixLength > 0)
        {
            ThrowAt(ParseErrorCode.InvalidName, _bufAbs + i + 2, "a processing-instruction target has no prefix");
        }
        if (Ascii.EqualsIgnoreCase(target, "xml"u8))
        {
            ThrowAt(ParseErrorCode.ReservedProcessingInstruction, _bufAbs + i);
        }
        if (p + 1 >= buf.Length)
        {
            return -1;
        }
        int contentStart;
        int q;
        if (buf[p] == (byte)'?' && buf[p + 1] == (byte)'>')
        {
            contentStart = p;
            q = 0;
        }
        else
        {
            if (!XmlCharacters.IsWhitespace(buf[p]))
            {
                ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p, "expected whitespace or '?>'");
            }
            contentStart = SkipTagWhitespace(buf, p, i);
            var max = _options.MaxTextLength;
            var window = buf[contentStart..Math.Min(buf.Length, contentStart + max + 2)];
            q = window.IndexOf("?>"u8);
            if (q < 0)
            {
                if (window.Length == max + 2)
                {
                    ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + contentStart + max);
                }
                return -1;
            }
        }
        _value = NormalizeRaw(buf, contentStart, q);
        _valueIsAscii = false;
        _tokenType = XmlTokenType.ProcessingInstruction;
        _name = target;
        return contentStart + q + 2;
    }

    /// <summary>Validates CDATA, comment and PI content and normalises line ends (rare: only when CR, controls or non-ASCII occur).</summary>
    private readonly ReadOnlySpan<byte> NormalizeRaw(ReadOnlySpan<byte> buf, int start, int length)
    {
        var content = buf.Slice(start, length);
        if (content.IndexOfAny(XmlCharacters.RawSpecials) < 0)
        {
            return content;
        }
        var bad = XmlCharacters.FindInvalid(content, out var code);
        if (bad >= 0)
        {
            ThrowAt(code, _bufAbs + start + bad);
        }
        if (!content.Contains((byte)'\r'))
        {
            return content;
        }
        XmlReaderBuffers.Grow(ref _buffers.Text, content.Length);
        var output = _buffers.Text;
        var o = 0;
        for (var k = 0; k < content.Length; k++)
        {
            var b = content[k];
            if (b == (byte)'\r')
            {
                output[o++] = (byte)'\n';
                if (k + 1 < content.Length && content[k + 1] == (byte)'\n')
                {
                    k++;
                }
            }
            else
            {
                output[o++] = b;
            }
        }
        return output.AsSpan(0, o);
    }

    private int ParseEndTag(ReadOnlySpan<byte> buf, int i)
    {
        // Fast path: the end tag repeats the open element's (already validated) name and closes at once.
        var open = _buffers;
        if (open.Depth > 0 && _state.Phase == XmlDocumentPhase.InRoot)
        {
            ref readonly var current = ref open.Elements[open.Depth - 1];
            var nameEnd = i + 2 + current.NameLength;
            if (nameEnd < buf.Length && buf[nameEnd] == (byte)'>'
                && ShortBytes.Equal(buf, i + 2, open.NameBytes, current.NameStart, current.NameLength))
            {
                SetEndTokenFromTop();
                return nameEnd + 1;
            }
        }
        return ParseEndTagSlow(buf, i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseEndTagSlow(ReadOnlySpan<byte> buf, int i)
    {
        var p = ScanQName(buf, i + 2, out _);
        if (p < 0)
        {
            return -1;
        }
        var name = buf[(i + 2)..p];
        p = SkipTagWhitespace(buf, p, i);
        if (p >= buf.Length)
        {
            return -1;
        }
        if (buf[p] != (byte)'>')
        {
            ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p, "expected '>'");
        }
        var b = _buffers;
        if (_state.Phase != XmlDocumentPhase.InRoot || b.Depth == 0)
        {
            ThrowAt(ParseErrorCode.UnexpectedEndTag, _bufAbs + i);
        }
        ref var top = ref b.Elements[b.Depth - 1];
        if (!name.SequenceEqual(b.NameBytes.AsSpan(top.NameStart, top.NameLength)))
        {
            ThrowAt(ParseErrorCode.MismatchedEndTag, _bufAbs + i,
                $"</{Encoding.UTF8.GetString(name)}> closes <{Encoding.UTF8.GetString(b.NameBytes, top.NameStart, top.NameLength)}>");
        }
        SetEndTokenFromTop();
        return p + 1;
    }

    /// <summary>Scans a QName (NCName, optionally prefix:NCName). Returns its end, or -1 when the buffer ends inside it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int ScanQName(ReadOnlySpan<byte> buf, int start, out int prefixLength)
    {
        // Fast path: an ASCII name ended by an ASCII byte, found with one vectorised scan. Anything
        // unusual (non-ASCII, too long, bad start, odd colons, end of buffer) takes the exact slow path.
        var rest = buf[start..];
        var end = XmlCharacters.IndexOfNonNCName(rest);
        if (end > 0 && end <= _options.MaxNameLength && (XmlCharacters.AsciiNameClass(rest[0]) & XmlCharacters.NameStart) != 0)
        {
            var stop = rest[end];
            if (stop < 0x80 && stop != (byte)':')
            {
                prefixLength = 0;
                return start + end;
            }
            if (stop == (byte)':' && end + 1 < rest.Length && (XmlCharacters.AsciiNameClass(rest[end + 1]) & XmlCharacters.NameStart) != 0)
            {
                var local = XmlCharacters.IndexOfNonNCName(rest[(end + 1)..]);
                var total = end + 1 + local;
                if (local > 0 && total <= _options.MaxNameLength && rest[total] < 0x80 && rest[total] != (byte)':')
                {
                    prefixLength = end;
                    return start + total;
                }
            }
        }
        return ScanQNameSlow(buf, start, out prefixLength);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly int ScanQNameSlow(ReadOnlySpan<byte> buf, int start, out int prefixLength)
    {
        var max = _options.MaxNameLength;
        var colon = -1;
        var expectStart = true;
        var j = start;
        prefixLength = 0;
        while (true)
        {
            if (j - start > max)
            {
                ThrowAt(ParseErrorCode.NameTooLong, _bufAbs + start);
            }
            if (j >= buf.Length)
            {
                return -1;
            }
            var b = buf[j];
            if (b < 0x80)
            {
                var cls = XmlCharacters.AsciiNameClass(b);
                if (cls != 0)
                {
                    if (expectStart && (cls & XmlCharacters.NameStart) == 0)
                    {
                        ThrowAt(ParseErrorCode.InvalidName, _bufAbs + j);
                    }
                    expectStart = false;
                    j++;
                    continue;
                }
                if (b == (byte)':')
                {
                    if (j == start || colon >= 0)
                    {
                        ThrowAt(ParseErrorCode.InvalidName, _bufAbs + j, "misplaced ':' in a name");
                    }
                    colon = j;
                    expectStart = true;
                    j++;
                    continue;
                }
                break;
            }
            var status = Rune.DecodeFromUtf8(buf[j..], out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                return -1;
            }
            if (status != OperationStatus.Done)
            {
                ThrowAt(ParseErrorCode.InvalidUtf8, _bufAbs + j);
            }
            var c = (uint)rune.Value;
            if (expectStart ? !XmlCharacters.IsNameStartChar(c) : !XmlCharacters.IsNameChar(c))
            {
                ThrowAt(ParseErrorCode.InvalidName, _bufAbs + j);
            }
            expectStart = false;
            j += consumed;
        }
        if (j == start || expectStart)
        {
            ThrowAt(ParseErrorCode.InvalidName, _bufAbs + j, j == start ? "expected a name" : "a name cannot end with ':'");
        }
        prefixLength = colon >= 0 ? colon - start : 0;
        return j;
    }
}
