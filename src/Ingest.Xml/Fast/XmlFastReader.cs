using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace Ingest.Xml.Fast;

/// <summary>
/// A one-pass reader for the XML that SEDs are made of, over a whole document in one span: ASCII names,
/// attributes with plain values, text without character references, CR only in skipped indentation, no
/// comment, PI, CDATA or DOCTYPE in the body. Within that subset it checks everything the general <see cref="XmlTokenReader"/> checks and pushes
/// the same tokens; outside it — any unusual construct, any error, any limit reached — it stops and returns
/// false, and the caller reads the document again with the general reader, which then reports the exact
/// error. So it needs no error paths of its own, and its element stack, namespace scope and names are
/// offsets into the document rather than copies, which is where its speed comes from.
/// </summary>
public ref struct XmlFastReader : IXmlStartTag
{
    private readonly ReadOnlySpan<byte> _doc;
    private readonly XmlReaderOptions _options;
    private readonly XmlFastScratch _scratch;

    // The start tag being reported.
    private int _tagStart;
    private int _prefixLength;
    private int _attributeCount;
    private int _depth;
    private ReadOnlySpan<byte> _localName;

    public XmlFastReader(ReadOnlySpan<byte> document, XmlReaderOptions options, XmlFastScratch scratch)
    {
        _doc = document;
        _options = options;
        _scratch = scratch;
    }

    public readonly ReadOnlySpan<byte> LocalName => _localName;

    /// <summary>The start tag's name as written, prefix included.</summary>
    public readonly ReadOnlySpan<byte> QualifiedName => _doc.Slice(_tagStart + 1, (_prefixLength == 0 ? 0 : _prefixLength + 1) + _localName.Length);

    public readonly ReadOnlySpan<byte> NamespaceUri
    {
        get
        {
            var ns = Resolve(_tagStart + 1, _prefixLength);
            return ns < 0 ? default : _doc.Slice(_scratch.Namespaces[ns + 2], _scratch.Namespaces[ns + 3]);
        }
    }

    public readonly int Depth => _depth;

    public readonly long TokenStartOffset => _tagStart;

    public readonly int AttributeCount => _attributeCount;

    /// <summary>Attributes in document order, namespace declarations included (their namespace is the xmlns one, as the general reader has it).</summary>
    public readonly XmlAttribute GetAttribute(int index)
    {
        if ((uint)index >= (uint)_attributeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        var a = _scratch.Attributes;
        var name = _doc.Slice(a[4 * index], a[4 * index + 1]);
        var declaration = name.SequenceEqual("xmlns"u8) || name.StartsWith("xmlns:"u8);
        var colon = name.IndexOf((byte)':');
        return new XmlAttribute(name, Math.Max(colon, 0), declaration ? XmlCharacters.XmlnsNamespace : default, _doc.Slice(a[4 * index + 2], a[4 * index + 3]));
    }

    public readonly bool TryGetAttribute(ReadOnlySpan<byte> localName, out ReadOnlySpan<byte> value)
    {
        var a = _scratch.Attributes;
        for (var i = 0; i < _attributeCount; i++)
        {
            if (_doc.Slice(a[4 * i], a[4 * i + 1]).SequenceEqual(localName))
            {
                value = _doc.Slice(a[4 * i + 2], a[4 * i + 3]);
                return true;
            }
        }
        value = default;
        return false;
    }

    public readonly (int Line, int Column) GetLineAndColumn(long offset)
    {
        var line = 1;
        var column = 1;
        var cr = false;
        XmlLineCounter.Advance(_doc[..(int)Math.Clamp(offset, 0, _doc.Length)], ref line, ref column, ref cr);
        return (line, column);
    }

    /// <summary>
    /// Reads the whole document, pushing its tokens to <paramref name="handler"/>. False: the document is
    /// outside this reader's subset or not well-formed; what the handler received is then to be discarded.
    /// </summary>
    public bool TryReadToEnd<THandler>(ref THandler handler)
        where THandler : struct, IXmlFastHandler
    {
        var doc = _doc;
        var n = doc.Length;
        if (n >= _options.MaxDocumentBytes)
        {
            return false;
        }
        var i = Prolog(doc);
        if (i < 0)
        {
            return false;
        }
        var scratch = _scratch;
        scratch.NamespaceCount = 0;
        var stack = scratch.Elements;
        // The limits are read where they apply, not held in locals: this loop has the mapper inlined into it
        // and runs short of registers.
        var options = _options;
        var depth = 0;
        var elements = 0;
        // Depth below which a refused element's content lies (0: nothing skipped), as the general reader's Dispatch.
        var skipDepth = 0;
        while (true)
        {
            // Here doc[i] is '<'.
            if (i + 1 >= n)
            {
                return false;
            }
            var b1 = doc[i + 1];
            bool closes;
            if (b1 == (byte)'/')
            {
                if (depth == 0)
                {
                    return false;
                }
                var top = 3 * (depth - 1);
                var nameStart = stack[top];
                var nameLength = stack[top + 1];
                var j = i + 2;
                if (j + nameLength >= n || !ShortBytes.Equal(doc, j, nameStart, nameLength))
                {
                    return false;
                }
                j += nameLength;
                while (XmlCharacters.IsWhitespace(doc[j]))
                {
                    if (++j >= n)
                    {
                        return false;
                    }
                }
                if (doc[j] != (byte)'>')
                {
                    return false;
                }
                i = j + 1;
                closes = true;
            }
            else
            {
                var nameStart = i + 1;
                int nameLength;
                int prefixLength;
                var empty = false;
                var attributes = 0;
                var nsBefore = scratch.NamespaceCount;
                var guessed = false;
                if (skipDepth == 0 && n - nameStart >= 32 && MatchesGuess(ref handler, doc, nameStart, out nameLength, out prefixLength))
                {
                    // The expected name, then '>': what the scan below would have found, without scanning.
                    i = nameStart + nameLength + 1;
                    guessed = true;
                }
                else
                {
                    if ((XmlCharacters.AsciiNameClass(b1) & XmlCharacters.NameStart) == 0)
                    {
                        return false;
                    }
                    var p = ScanQName(doc, nameStart, out prefixLength);
                    if (p < 0)
                    {
                        return false;
                    }
                    nameLength = p - nameStart;
                    if (doc[p] == (byte)'>')
                    {
                        i = p + 1;
                    }
                    else
                    {
                        i = ParseAttributes(doc, p, out empty, out attributes);
                        if (i < 0 || i - (nameStart - 1) >= _options.MaxTokenLength)
                        {
                            return false;
                        }
                        if (attributes > 0 && !DeclareNamespaces(doc, attributes))
                        {
                            return false;
                        }
                    }
                }
                if (nameLength >= _options.MaxNameLength || depth >= options.MaxDepth || ++elements > options.MaxElements
                    || (prefixLength > 0 && Resolve(nameStart, prefixLength) < 0))
                {
                    return false;
                }
                var at = 3 * depth;
                if (at + 3 > stack.Length)
                {
                    stack = Grow(ref scratch.Elements);
                }
                stack[at] = nameStart;
                stack[at + 1] = nameLength;
                stack[at + 2] = nsBefore;
                depth++;
                if (skipDepth == 0)
                {
                    _tagStart = nameStart - 1;
                    _prefixLength = prefixLength;
                    _localName = prefixLength == 0 ? doc.Slice(nameStart, nameLength) : doc.Slice(nameStart + prefixLength + 1, nameLength - prefixLength - 1);
                    _attributeCount = attributes;
                    _depth = depth - 1;
                    if (!(guessed ? handler.OnGuessedStartElement(ref this) : handler.OnStartElement(ref this)))
                    {
                        skipDepth = depth;
                    }
                }
                closes = empty;
            }
            if (closes)
            {
                depth--;
                scratch.NamespaceCount = stack[3 * depth + 2];
                if (skipDepth == 0)
                {
                    handler.OnEndElement();
                }
                else if (depth == skipDepth - 1)
                {
                    skipDepth = 0;
                    handler.OnEndElement();
                }
                if (depth == 0)
                {
                    return Epilog(doc, i);
                }
            }
            if (i >= n)
            {
                return false;
            }
            if (doc[i] != (byte)'<')
            {
                var start = i;
                i = ScanText(doc, i, out var kind);
                if (i < 0 || i - start >= options.MaxTextLength)
                {
                    return false;
                }
                if (kind == TextKind.IndentationWithCarriageReturn && !options.IgnoreIndentation)
                {
                    // Reported, it would be the text after end-of-line handling: the general reader's job.
                    return false;
                }
                if (skipDepth == 0 && !(options.IgnoreIndentation && kind is TextKind.Indentation or TextKind.IndentationWithCarriageReturn))
                {
                    if (kind >= TextKind.AsciiWithReferences)
                    {
                        handler.OnText(Decode(doc[start..i]), kind == TextKind.AsciiWithReferences);
                    }
                    else
                    {
                        handler.OnText(doc[start..i], kind != TextKind.NonAscii);
                    }
                }
            }
        }
    }

    /// <summary>True when the 32 bytes from <paramref name="nameStart"/> start with the handler's guess and '&gt;'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MatchesGuess<THandler>(ref THandler handler, ReadOnlySpan<byte> doc, int nameStart, out int length, out int prefixLength)
        where THandler : struct, IXmlFastHandler
    {
        ref readonly var guess = ref handler.NextName;
        length = guess.Length;
        prefixLength = guess.PrefixLength;
        return length > 0 && guess.Matches(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(doc), (nuint)nameStart));
    }

    private static ReadOnlySpan<byte> CommonDeclaration => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8;

    /// <summary>BOM, an XML declaration, whitespace; the offset of the root's '&lt;', or -1.</summary>
    private static int Prolog(ReadOnlySpan<byte> doc)
    {
        var i = doc.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (doc[i..].StartsWith("<?"u8))
        {
            var length = Declaration(doc[i..]);
            if (length < 0)
            {
                return -1;
            }
            i += length;
        }
        while (i < doc.Length && XmlCharacters.IsWhitespace(doc[i]))
        {
            i++;
        }
        return i + 1 < doc.Length && doc[i] == (byte)'<' ? i : -1;
    }

    /// <summary>
    /// The length of an XML declaration of version 1.0, encoding UTF-8 (either case) if any, standalone
    /// yes or no if any; -1 for anything else (a PI, another encoding: the general reader judges it).
    /// </summary>
    private static int Declaration(ReadOnlySpan<byte> d)
    {
        // What nearly every document starts with: one compare instead of the pseudo-attribute walk.
        if (d.StartsWith(CommonDeclaration))
        {
            return CommonDeclaration.Length;
        }
        if (!d.StartsWith("<?xml"u8))
        {
            return -1;
        }
        var i = Pseudo(d, 5, "version"u8, out var version);
        if (i < 0 || !version.SequenceEqual("1.0"u8))
        {
            return -1;
        }
        var next = Pseudo(d, i, "encoding"u8, out var encoding);
        if (next > 0)
        {
            if (!encoding.SequenceEqual("UTF-8"u8) && !encoding.SequenceEqual("utf-8"u8))
            {
                return -1;
            }
            i = next;
        }
        next = Pseudo(d, i, "standalone"u8, out var standalone);
        if (next > 0)
        {
            if (!standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
            {
                return -1;
            }
            i = next;
        }
        while (i < d.Length && XmlCharacters.IsWhitespace(d[i]))
        {
            i++;
        }
        return d[i..].StartsWith("?>"u8) ? i + 2 : -1;
    }

    /// <summary>Whitespace, <paramref name="name"/>, '=', a quoted value; the offset after it, or -1 (nothing consumed).</summary>
    private static int Pseudo(ReadOnlySpan<byte> d, int i, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var p = i;
        while (p < d.Length && XmlCharacters.IsWhitespace(d[p]))
        {
            p++;
        }
        if (p == i || !d[p..].StartsWith(name))
        {
            return -1;
        }
        p += name.Length;
        while (p < d.Length && XmlCharacters.IsWhitespace(d[p]))
        {
            p++;
        }
        if (p >= d.Length || d[p] != (byte)'=')
        {
            return -1;
        }
        p++;
        while (p < d.Length && XmlCharacters.IsWhitespace(d[p]))
        {
            p++;
        }
        if (p >= d.Length || d[p] is not ((byte)'"' or (byte)'\''))
        {
            return -1;
        }
        var end = d[(p + 1)..].IndexOf(d[p]);
        if (end < 0)
        {
            return -1;
        }
        value = d.Slice(p + 1, end);
        return p + end + 2;
    }

    /// <summary>After the root: whitespace only.</summary>
    private static bool Epilog(ReadOnlySpan<byte> doc, int i)
    {
        for (; i < doc.Length; i++)
        {
            if (!XmlCharacters.IsWhitespace(doc[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An ASCII QName from <paramref name="start"/> (whose first byte is a name-start byte); the offset after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanQName(ReadOnlySpan<byte> doc, int start, out int prefixLength)
    {
        prefixLength = 0;
        var k = XmlCharacters.IndexOfNonNCName(doc[(start + 1)..]);
        if (k < 0)
        {
            return -1;
        }
        var p = start + 1 + k;
        if (doc[p] != (byte)':')
        {
            return p;
        }
        // A prefix: the local part must start with a name-start byte and hold no second colon.
        if (p + 1 >= doc.Length || (XmlCharacters.AsciiNameClass(doc[p + 1]) & XmlCharacters.NameStart) == 0)
        {
            return -1;
        }
        prefixLength = p - start;
        k = XmlCharacters.IndexOfNonNCName(doc[(p + 2)..]);
        if (k < 0)
        {
            return -1;
        }
        p += 2 + k;
        return doc[p] == (byte)':' ? -1 : p;
    }

    /// <summary>
    /// Attributes from just after the element's name to the end of the tag; the offset after the tag, or -1.
    /// Only unprefixed names and xmlns:p declarations, plain values (no reference, tab, newline or non-ASCII),
    /// at most <see cref="XmlFastScratch.MaxAttributes"/> of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly int ParseAttributes(ReadOnlySpan<byte> doc, int p, out bool empty, out int count)
    {
        var n = doc.Length;
        var slots = _scratch.Attributes;
        var max = Math.Min(_options.MaxAttributes, XmlFastScratch.MaxAttributes);
        count = 0;
        empty = false;
        while (true)
        {
            var sawSpace = false;
            while (p < n && XmlCharacters.IsWhitespace(doc[p]))
            {
                p++;
                sawSpace = true;
            }
            if (p >= n)
            {
                return -1;
            }
            var c = doc[p];
            if (c == (byte)'>')
            {
                return p + 1;
            }
            if (c == (byte)'/')
            {
                empty = true;
                return p + 1 < n && doc[p + 1] == (byte)'>' ? p + 2 : -1;
            }
            if (!sawSpace || count == max || (XmlCharacters.AsciiNameClass(c) & XmlCharacters.NameStart) == 0)
            {
                return -1;
            }
            var nameStart = p;
            p = ScanQName(doc, p, out var prefixLength);
            if (p < 0 || (prefixLength > 0 && !doc.Slice(nameStart, prefixLength).SequenceEqual("xmlns"u8)))
            {
                return -1;
            }
            var nameLength = p - nameStart;
            if (nameLength >= _options.MaxNameLength)
            {
                return -1;
            }
            while (p < n && XmlCharacters.IsWhitespace(doc[p]))
            {
                p++;
            }
            if (p >= n || doc[p] != (byte)'=')
            {
                return -1;
            }
            p++;
            while (p < n && XmlCharacters.IsWhitespace(doc[p]))
            {
                p++;
            }
            if (p >= n || doc[p] is not ((byte)'"' or (byte)'\''))
            {
                return -1;
            }
            var quote = doc[p];
            var valueStart = p + 1;
            // One scan: the quote is one of the specials, so a plain value ends at the first special found.
            var valueLength = XmlCharacters.IndexOfAttributeSpecial(doc[valueStart..], quote);
            if (valueLength < 0 || doc[valueStart + valueLength] != quote || valueLength >= _options.MaxTextLength)
            {
                return -1;
            }
            var name = doc.Slice(nameStart, nameLength);
            for (var a = 0; a < count; a++)
            {
                if (doc.Slice(slots[4 * a], slots[4 * a + 1]).SequenceEqual(name))
                {
                    return -1;
                }
            }
            slots[4 * count] = nameStart;
            slots[4 * count + 1] = nameLength;
            slots[4 * count + 2] = valueStart;
            slots[4 * count + 3] = valueLength;
            count++;
            p = valueStart + valueLength + 1;
        }
    }

    /// <summary>Applies the tag's xmlns and xmlns:p attributes; false for anything reserved (the general reader judges those).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool DeclareNamespaces(ReadOnlySpan<byte> doc, int count)
    {
        var slots = _scratch.Attributes;
        for (var a = 0; a < count; a++)
        {
            var name = doc.Slice(slots[4 * a], slots[4 * a + 1]);
            if (!name.StartsWith("xmlns"u8))
            {
                continue;
            }
            var uri = doc.Slice(slots[4 * a + 2], slots[4 * a + 3]);
            if (uri.SequenceEqual(XmlCharacters.XmlNamespace) || uri.SequenceEqual(XmlCharacters.XmlnsNamespace))
            {
                return false;
            }
            if (name.Length == 5)
            {
                Declare(slots[4 * a], 0, slots[4 * a + 2], uri.Length);
            }
            else if (name[5] == (byte)':')
            {
                var prefix = name[6..];
                if (uri.IsEmpty || prefix.StartsWith("xml"u8))
                {
                    return false;
                }
                Declare(slots[4 * a] + 6, prefix.Length, slots[4 * a + 2], uri.Length);
            }
        }
        return true;
    }

    private readonly void Declare(int prefixStart, int prefixLength, int uriStart, int uriLength)
    {
        var s = _scratch;
        var at = 4 * s.NamespaceCount;
        if (at + 4 > s.Namespaces.Length)
        {
            Array.Resize(ref s.Namespaces, s.Namespaces.Length * 2);
        }
        var ns = s.Namespaces;
        ns[at] = prefixStart;
        ns[at + 1] = prefixLength;
        ns[at + 2] = uriStart;
        ns[at + 3] = uriLength;
        s.NamespaceCount++;
    }

    /// <summary>
    /// The innermost declaration of the prefix at <paramref name="prefixStart"/> (length 0: the default
    /// namespace) as an offset into the table, or -1. Names compared in place, as the end tags are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Resolve(int prefixStart, int prefixLength)
    {
        var ns = _scratch.Namespaces;
        for (var at = 4 * (_scratch.NamespaceCount - 1); at >= 0; at -= 4)
        {
            if (ns[at + 1] == prefixLength && ShortBytes.Equal(_doc, ns[at], prefixStart, prefixLength))
            {
                return prefixLength == 0 && ns[at + 3] == 0 ? -1 : at;
            }
        }
        return -1;
    }

    private enum TextKind
    {
        Ascii,
        Indentation,
        /// <summary>Whitespace with a CR: skipped as indentation, never reported (it would need end-of-line handling).</summary>
        IndentationWithCarriageReturn,
        NonAscii,
        AsciiWithReferences,
        NonAsciiWithReferences,
    }

    /// <summary>
    /// A text run from <paramref name="i"/> to the next '&lt;' (its offset, or -1 outside the subset):
    /// plain ASCII, non-ASCII that is valid UTF-8 and XML characters, the five predefined entities,
    /// ']' not starting "]]&gt;". Character references and CR go to the general reader.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanText(ReadOnlySpan<byte> doc, int i, out TextKind kind)
    {
        var start = i;
        var k = XmlCharacters.IndexOfTextSpecial(doc[i..]);
        if (k < 0)
        {
            kind = TextKind.Ascii;
            return -1;
        }
        i += k;
        if (doc[i] == (byte)'<')
        {
            kind = IsIndentation(doc[start..i]) ? TextKind.Indentation : TextKind.Ascii;
            return i;
        }
        return ScanTextSlow(doc, start, i, out kind);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanTextSlow(ReadOnlySpan<byte> doc, int start, int i, out TextKind kind)
    {
        var references = false;
        var carriageReturn = false;
        // A non-ASCII byte seen by this loop (the scan below passes over later ones unseen): the run is then
        // known not to be ASCII without a second look.
        var nonAscii = false;
        kind = TextKind.Ascii;
        while (true)
        {
            var b = doc[i];
            if (b == (byte)'<')
            {
                if (carriageReturn)
                {
                    if (!IsWhitespaceOnly(doc[start..i]))
                    {
                        return -1;
                    }
                    kind = TextKind.IndentationWithCarriageReturn;
                    return i;
                }
                // The scan passes over non-ASCII bytes: the run is checked as a whole.
                var run = doc[start..i];
                var ascii = !nonAscii && Ascii.IsValid(run);
                if (!ascii && (!Utf8.IsValid(run) || XmlCharacters.ContainsNonCharacter(run)))
                {
                    return -1;
                }
                kind = references
                    ? ascii ? TextKind.AsciiWithReferences : TextKind.NonAsciiWithReferences
                    : ascii ? TextKind.Ascii : TextKind.NonAscii;
                return i;
            }
            if (b >= 0x80)
            {
                nonAscii = true;
                i++;
            }
            else if (b == (byte)'&')
            {
                var length = PredefinedEntityLength(doc[i..]);
                if (length == 0)
                {
                    return -1;
                }
                references = true;
                i += length;
            }
            else if (b == (byte)']' && !(i + 2 < doc.Length && doc[i + 1] == (byte)']' && doc[i + 2] == (byte)'>'))
            {
                i++;
            }
            else if (b == (byte)'\r')
            {
                carriageReturn = true;
                i++;
            }
            else
            {
                return -1;
            }
            var k = XmlCharacters.IndexOfTextSpecialOrAscii(doc[i..]);
            if (k < 0)
            {
                return -1;
            }
            i += k;
        }
    }

    /// <summary>Length of the predefined entity reference ("&amp;lt;" …) that <paramref name="text"/> starts with, or 0.</summary>
    private static int PredefinedEntityLength(ReadOnlySpan<byte> text) =>
        text.StartsWith("&lt;"u8) || text.StartsWith("&gt;"u8) ? 4
        : text.StartsWith("&amp;"u8) ? 5
        : text.StartsWith("&quot;"u8) || text.StartsWith("&apos;"u8) ? 6
        : 0;

    /// <summary>Text whose references <see cref="ScanTextSlow"/> checked, with each replaced by its character.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> text)
    {
        if (_scratch.Text.Length < text.Length)
        {
            _scratch.Text = new byte[Math.Max(text.Length, 2 * _scratch.Text.Length)];
        }
        var output = _scratch.Text;
        var o = 0;
        while (true)
        {
            var amp = text.IndexOf((byte)'&');
            var plain = amp < 0 ? text : text[..amp];
            plain.CopyTo(output.AsSpan(o));
            o += plain.Length;
            if (amp < 0)
            {
                return output.AsSpan(0, o);
            }
            text = text[amp..];
            var length = PredefinedEntityLength(text);
            output[o++] = text[1] switch
            {
                (byte)'l' => (byte)'<',
                (byte)'g' => (byte)'>',
                (byte)'q' => (byte)'"',
                (byte)'a' when text[2] == (byte)'m' => (byte)'&',
                _ => (byte)'\'',
            };
            text = text[length..];
        }
    }

    private static bool IsWhitespaceOnly(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!XmlCharacters.IsWhitespace(b))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whitespace with a line break: what <see cref="XmlReaderOptions.IgnoreIndentation"/> leaves unreported
    /// (runs with a CR take <see cref="ScanTextSlow"/>). Most text fails on its first byte.
    /// </summary>
    private static bool IsIndentation(ReadOnlySpan<byte> text) =>
        XmlCharacters.IsWhitespace(text[0]) && IsWhitespaceOnly(text) && text.Contains((byte)'\n');

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int[] Grow(ref int[] array)
    {
        Array.Resize(ref array, array.Length * 2);
        return array;
    }
}
