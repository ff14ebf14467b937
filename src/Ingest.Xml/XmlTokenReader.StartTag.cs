using System.Runtime.CompilerServices;

namespace Ingest.Xml;

public ref partial struct XmlTokenReader
{
    private int ParseStartTag(ReadOnlySpan<byte> buf, int i)
    {
        if (_state.Phase == XmlDocumentPhase.Epilog)
        {
            ThrowAt(ParseErrorCode.MultipleRootElements, _bufAbs + i);
        }
        var nameStart = i + 1;
        var p = ScanQName(buf, nameStart, out var prefixLength);
        if (p < 0)
        {
            return -1;
        }
        var nameLength = p - nameStart;
        _name = buf.Slice(nameStart, nameLength);
        _inStartTag = true;
        if (p < buf.Length && buf[p] == (byte)'>')
        {
            // Most SED elements carry no attribute: no attribute or namespace-declaration loop.
            CompleteSimpleStartTag(buf, i, nameStart, nameLength, prefixLength);
            return p + 1;
        }
        return ParseAttributes(buf, i, nameStart, nameLength, prefixLength, p);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ParseAttributes(ReadOnlySpan<byte> buf, int i, int nameStart, int nameLength, int prefixLength, int p)
    {
        var count = 0;
        var b = _buffers;
        b.AttributeValuesUsed = 0;
        bool empty;
        while (true)
        {
            if (p >= buf.Length)
            {
                return -1;
            }
            var c = buf[p];
            if (c == (byte)'>')
            {
                empty = false;
                p++;
                break;
            }
            if (c == (byte)'/')
            {
                if (p + 1 >= buf.Length)
                {
                    return -1;
                }
                if (buf[p + 1] != (byte)'>')
                {
                    ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p + 1, "expected '>' after '/'");
                }
                empty = true;
                p += 2;
                break;
            }
            if (!XmlCharacters.IsWhitespace(c))
            {
                ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p, "expected whitespace, '>' or '/>'");
            }
            p = SkipTagWhitespace(buf, p, i);
            if (p >= buf.Length)
            {
                return -1;
            }
            c = buf[p];
            if (c is (byte)'>' or (byte)'/')
            {
                continue;
            }
            if (count == _options.MaxAttributes)
            {
                ThrowAt(ParseErrorCode.TooManyAttributes, _bufAbs + p);
            }
            var attrStart = p;
            p = ScanQName(buf, p, out var attrPrefix);
            if (p < 0)
            {
                return -1;
            }
            var attrNameLength = p - attrStart;
            p = SkipTagWhitespace(buf, p, i);
            if (p >= buf.Length)
            {
                return -1;
            }
            if (buf[p] != (byte)'=')
            {
                ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p, "expected '=' after an attribute name");
            }
            p = SkipTagWhitespace(buf, p + 1, i);
            if (p >= buf.Length)
            {
                return -1;
            }
            var quote = buf[p];
            if (quote is not ((byte)'"' or (byte)'\''))
            {
                ThrowAt(ParseErrorCode.UnexpectedCharacter, _bufAbs + p, "expected a quoted attribute value");
            }
            p = ParseAttributeValue(buf, p + 1, quote, out var valueStart, out var valueLength, out var decoded);
            if (p < 0)
            {
                return -1;
            }
            XmlReaderBuffers.Grow(ref b.Attributes, count + 1);
            ref var slot = ref b.Attributes[count++];
            slot.NameStart = attrStart;
            slot.NameLength = attrNameLength;
            slot.PrefixLength = attrPrefix;
            slot.ValueStart = valueStart;
            slot.ValueLength = valueLength;
            slot.ValueDecoded = decoded;
            slot.Offset = attrStart;
            if (p - i > _options.MaxTokenLength)
            {
                ThrowAt(ParseErrorCode.TokenTooLong, _bufAbs + i);
            }
        }
        CompleteStartTag(buf, i, nameStart, nameLength, prefixLength, count, empty);
        return p;
    }

    private int ParseAttributeValue(ReadOnlySpan<byte> buf, int p, byte quote, out int valueStart, out int valueLength, out bool decoded)
    {
        var max = _options.MaxTextLength;
        var window = buf[p..Math.Min(buf.Length, p + max + 1)];
        var k = XmlCharacters.IndexOfAttributeSpecial(window, quote);
        if (k >= 0 && window[k] == quote)
        {
            valueStart = p;
            valueLength = k;
            decoded = false;
            return p + k + 1;
        }
        if (k < 0)
        {
            if (window.Length == max + 1)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + p + max);
            }
            valueStart = valueLength = 0;
            decoded = false;
            return -1;
        }
        decoded = true;
        return DecodeAttributeValue(buf, p, quote, out valueStart, out valueLength);
    }

    /// <summary>Slow path of an attribute value: references, whitespace normalisation, validation of non-ASCII.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DecodeAttributeValue(ReadOnlySpan<byte> buf, int p, byte quote, out int valueStart, out int valueLength)
    {
        var b = _buffers;
        var max = _options.MaxTextLength;
        var limitEnd = p + max;
        valueStart = b.AttributeValuesUsed;
        XmlReaderBuffers.Grow(ref b.AttributeValues, valueStart + 64);
        var o = valueStart;
        var specials = quote == (byte)'"' ? XmlCharacters.DoubleQuotedSpecials : XmlCharacters.SingleQuotedSpecials;
        var j = p;
        while (true)
        {
            if (j > limitEnd)
            {
                ThrowAt(ParseErrorCode.TextTooLong, _bufAbs + limitEnd);
            }
            if (j >= buf.Length)
            {
                valueLength = 0;
                return -1;
            }
            var rest = buf[j..Math.Min(buf.Length, limitEnd + 1)];
            var s = rest.IndexOfAny(specials);
            var run = s < 0 ? rest : rest[..s];
            XmlReaderBuffers.Grow(ref b.AttributeValues, o + run.Length + 8);
            run.CopyTo(b.AttributeValues.AsSpan(o));
            o += run.Length;
            j += run.Length;
            if (s < 0)
            {
                continue;
            }
            var c = buf[j];
            if (c == quote)
            {
                valueLength = o - valueStart;
                b.AttributeValuesUsed = o;
                return j + 1;
            }
            switch (c)
            {
                case (byte)'<':
                    ThrowAt(ParseErrorCode.LessThanInAttributeValue, _bufAbs + j);
                    break;
                case (byte)'&':
                    {
                        var next = ParseReference(buf, j, b.AttributeValues.AsSpan(o), out var written);
                        if (next < 0)
                        {
                            valueLength = 0;
                            return -1;
                        }
                        o += written;
                        j = next;
                        break;
                    }
                case (byte)'\r':
                    if (j + 1 >= buf.Length)
                    {
                        valueLength = 0;
                        return -1;
                    }
                    b.AttributeValues[o++] = (byte)' ';
                    j += buf[j + 1] == (byte)'\n' ? 2 : 1;
                    break;
                case (byte)'\t':
                case (byte)'\n':
                    b.AttributeValues[o++] = (byte)' ';
                    j++;
                    break;
                default:
                    {
                        var n = ValidateCharAt(buf, j);
                        if (n < 0)
                        {
                            valueLength = 0;
                            return -1;
                        }
                        buf.Slice(j, n).CopyTo(b.AttributeValues.AsSpan(o));
                        o += n;
                        j += n;
                        break;
                    }
            }
        }
    }

    /// <summary>A start tag without attributes, inside the limits: nothing to declare, only the name to resolve.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CompleteSimpleStartTag(ReadOnlySpan<byte> buf, int i, int nameStart, int nameLength, int prefixLength)
    {
        var b = _buffers;
        if (b.Depth >= _options.MaxDepth || _state.ElementCount >= _options.MaxElements)
        {
            CompleteStartTag(buf, i, nameStart, nameLength, prefixLength, 0, false);
            return;
        }
        var defaultNs = b.Depth > 0 ? b.Elements[b.Depth - 1].DefaultNamespaceIndex : XmlNamespaceIndex.None;
        var nsIndex = prefixLength == 0 ? defaultNs : ResolveCached(buf.Slice(nameStart, prefixLength));
        if (nsIndex == int.MinValue || nsIndex == XmlNamespaceIndex.Xmlns)
        {
            ThrowAt(ParseErrorCode.UndeclaredPrefix, _bufAbs + nameStart);
        }
        PushElement(buf, nameStart, nameLength, prefixLength, nsIndex, defaultNs, b.NamespaceCount, b.NsBytesUsed, 0, false);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompleteStartTag(ReadOnlySpan<byte> buf, int i, int nameStart, int nameLength, int prefixLength, int count, bool empty)
    {
        var b = _buffers;
        if (b.Depth >= _options.MaxDepth)
        {
            ThrowAt(ParseErrorCode.DepthExceeded, _bufAbs + i);
        }
        if (_state.ElementCount >= _options.MaxElements)
        {
            ThrowAt(ParseErrorCode.TooManyElements, _bufAbs + i);
        }
        var nsBefore = b.NamespaceCount;
        var nsBytesBefore = b.NsBytesUsed;
        var defaultNs = b.Depth > 0 ? b.Elements[b.Depth - 1].DefaultNamespaceIndex : XmlNamespaceIndex.None;
        if (count > 0)
        {
            defaultNs = DeclareNamespaces(buf, count, defaultNs);
        }
        var nsIndex = prefixLength == 0 ? defaultNs : ResolveCached(buf.Slice(nameStart, prefixLength));
        if (nsIndex == int.MinValue || nsIndex == XmlNamespaceIndex.Xmlns)
        {
            ThrowAt(ParseErrorCode.UndeclaredPrefix, _bufAbs + nameStart);
        }
        if (count > 0)
        {
            ResolveAttributes(buf, count);
        }
        PushElement(buf, nameStart, nameLength, prefixLength, nsIndex, defaultNs, nsBefore, nsBytesBefore, count, empty);
    }

    /// <summary>Pushes the element (its name copied out of the input, which may go away) and makes it the current token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushElement(ReadOnlySpan<byte> buf, int nameStart, int nameLength, int prefixLength, int nsIndex, int defaultNs, int nsBefore, int nsBytesBefore, int count, bool empty)
    {
        var b = _buffers;
        XmlReaderBuffers.Grow(ref b.Elements, b.Depth + 1);
        // 16 bytes of slack: short names are copied and compared (end tags) as one vector.
        XmlReaderBuffers.Grow(ref b.NameBytes, b.NameBytesUsed + nameLength + 16);
        ShortBytes.Copy(buf, nameStart, nameLength, b.NameBytes, b.NameBytesUsed);
        ref var entry = ref b.Elements[b.Depth++];
        entry.NameStart = b.NameBytesUsed;
        entry.NameLength = nameLength;
        entry.PrefixLength = prefixLength;
        entry.NamespaceIndex = nsIndex;
        entry.NamespaceCountBefore = nsBefore;
        entry.NsBytesBefore = nsBytesBefore;
        entry.DefaultNamespaceIndex = defaultNs;
        b.NameBytesUsed += nameLength;
        _state.ElementCount++;
        _state.Phase = XmlDocumentPhase.InRoot;

        _tokenType = XmlTokenType.StartElement;
        _name = buf.Slice(nameStart, nameLength);
        _inStartTag = false;
        _prefixLength = prefixLength;
        if (count > 0)
        {
            _tagBuffer = buf;
        }
        _attributeCount = count;
        _state.PendingEnd = empty;
    }

    /// <summary>Applies the tag's xmlns and xmlns:p attributes; returns the default namespace inside the element.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly int DeclareNamespaces(ReadOnlySpan<byte> buf, int count, int defaultNs)
    {
        var b = _buffers;
        for (var a = 0; a < count; a++)
        {
            ref var slot = ref b.Attributes[a];
            var name = buf.Slice(slot.NameStart, slot.NameLength);
            if (slot.PrefixLength == 0 && name.SequenceEqual("xmlns"u8))
            {
                var uri = AttributeValue(buf, slot);
                if (uri.SequenceEqual(XmlCharacters.XmlNamespace) || uri.SequenceEqual(XmlCharacters.XmlnsNamespace))
                {
                    ThrowAt(ParseErrorCode.InvalidNamespaceDeclaration, _bufAbs + slot.Offset, "reserved namespace as default");
                }
                DeclareNamespace(default, uri);
                defaultNs = uri.IsEmpty ? XmlNamespaceIndex.None : b.NamespaceCount - 1;
            }
            else if (slot.PrefixLength == 5 && name[..5].SequenceEqual("xmlns"u8))
            {
                var prefix = name[6..];
                var uri = AttributeValue(buf, slot);
                if (prefix.SequenceEqual("xmlns"u8)
                    || (prefix.SequenceEqual("xml"u8) != uri.SequenceEqual(XmlCharacters.XmlNamespace))
                    || uri.SequenceEqual(XmlCharacters.XmlnsNamespace))
                {
                    ThrowAt(ParseErrorCode.InvalidNamespaceDeclaration, _bufAbs + slot.Offset, "reserved prefix or namespace");
                }
                if (uri.IsEmpty)
                {
                    ThrowAt(ParseErrorCode.InvalidNamespaceDeclaration, _bufAbs + slot.Offset, "a prefix cannot be bound to an empty namespace");
                }
                if (!prefix.SequenceEqual("xml"u8))
                {
                    DeclareNamespace(prefix, uri);
                }
            }
        }
        return defaultNs;
    }

    /// <summary>Resolves each attribute's prefix and rejects duplicate names (qualified, or expanded).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ResolveAttributes(ReadOnlySpan<byte> buf, int count)
    {
        var b = _buffers;
        for (var a = 0; a < count; a++)
        {
            ref var slot = ref b.Attributes[a];
            var name = buf.Slice(slot.NameStart, slot.NameLength);
            if (slot.PrefixLength == 0)
            {
                slot.NamespaceIndex = name.SequenceEqual("xmlns"u8) ? XmlNamespaceIndex.Xmlns : XmlNamespaceIndex.None;
            }
            else if (slot.PrefixLength == 5 && name[..5].SequenceEqual("xmlns"u8))
            {
                slot.NamespaceIndex = XmlNamespaceIndex.Xmlns;
            }
            else
            {
                slot.NamespaceIndex = Resolve(name[..slot.PrefixLength]);
                if (slot.NamespaceIndex == int.MinValue)
                {
                    ThrowAt(ParseErrorCode.UndeclaredPrefix, _bufAbs + slot.Offset);
                }
            }
            for (var other = 0; other < a; other++)
            {
                ref readonly var o = ref b.Attributes[other];
                if (buf.Slice(o.NameStart, o.NameLength).SequenceEqual(name))
                {
                    ThrowAt(ParseErrorCode.DuplicateAttribute, _bufAbs + slot.Offset);
                }
                if (slot.NamespaceIndex != XmlNamespaceIndex.None && o.NamespaceIndex != XmlNamespaceIndex.None
                    && LocalPart(buf.Slice(o.NameStart, o.NameLength), o.PrefixLength).SequenceEqual(LocalPart(name, slot.PrefixLength))
                    && NamespaceOf(o.NamespaceIndex).SequenceEqual(NamespaceOf(slot.NamespaceIndex)))
                {
                    ThrowAt(ParseErrorCode.DuplicateAttribute, _bufAbs + slot.Offset, "same namespace and local name");
                }
            }
        }
    }

    // An unprefixed "xmlns" is its own local name (it once lost its first letter here, so that
    // xmlns="…" and xmlns:mlns="…" on one tag were taken for the same attribute).
    private static ReadOnlySpan<byte> LocalPart(ReadOnlySpan<byte> name, int prefixLength) =>
        prefixLength == 0 ? name : name[(prefixLength + 1)..];

    private readonly ReadOnlySpan<byte> AttributeValue(ReadOnlySpan<byte> buf, in XmlReaderBuffers.AttributeSlot slot) =>
        slot.ValueDecoded ? _buffers.AttributeValues.AsSpan(slot.ValueStart, slot.ValueLength) : buf.Slice(slot.ValueStart, slot.ValueLength);

    private readonly void DeclareNamespace(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> uri)
    {
        var b = _buffers;
        XmlReaderBuffers.Grow(ref b.Namespaces, b.NamespaceCount + 1);
        XmlReaderBuffers.Grow(ref b.NsBytes, b.NsBytesUsed + prefix.Length + uri.Length);
        b.NamespaceGeneration++;
        ref var ns = ref b.Namespaces[b.NamespaceCount++];
        ns.PrefixStart = b.NsBytesUsed;
        ns.PrefixLength = prefix.Length;
        prefix.CopyTo(b.NsBytes.AsSpan(b.NsBytesUsed));
        b.NsBytesUsed += prefix.Length;
        ns.UriStart = b.NsBytesUsed;
        ns.UriLength = uri.Length;
        uri.CopyTo(b.NsBytes.AsSpan(b.NsBytesUsed));
        b.NsBytesUsed += uri.Length;
    }

    /// <summary>
    /// <see cref="Resolve"/> through a one-entry cache: SBDH headers name one prefix on every element.
    /// The cache holds while no declaration was added or popped (namespace count and generation unchanged).
    /// </summary>
    private readonly int ResolveCached(ReadOnlySpan<byte> prefix)
    {
        var b = _buffers;
        if (prefix.Length > 8)
        {
            return Resolve(prefix);
        }
        var key = ShortBytes.Pack(prefix);
        if (key == b.PrefixCacheKey && prefix.Length == b.PrefixCacheLength
            && b.NamespaceCount == b.PrefixCacheCount && b.NamespaceGeneration == b.PrefixCacheGeneration)
        {
            return b.PrefixCacheIndex;
        }
        var index = Resolve(prefix);
        b.PrefixCacheKey = key;
        b.PrefixCacheLength = prefix.Length;
        b.PrefixCacheCount = b.NamespaceCount;
        b.PrefixCacheGeneration = b.NamespaceGeneration;
        b.PrefixCacheIndex = index;
        return index;
    }

    /// <summary>Namespace index for a prefix (empty = default namespace); int.MinValue when undeclared.</summary>
    private readonly int Resolve(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length == 3 && prefix.SequenceEqual("xml"u8))
        {
            return XmlNamespaceIndex.Xml;
        }
        if (prefix.Length == 5 && prefix.SequenceEqual("xmlns"u8))
        {
            return XmlNamespaceIndex.Xmlns;
        }
        var b = _buffers;
        for (var k = b.NamespaceCount - 1; k >= 0; k--)
        {
            ref readonly var ns = ref b.Namespaces[k];
            if (ns.PrefixLength == prefix.Length && b.NsBytes.AsSpan(ns.PrefixStart, ns.PrefixLength).SequenceEqual(prefix))
            {
                return ns.UriLength == 0 ? XmlNamespaceIndex.None : k;
            }
        }
        return prefix.IsEmpty ? XmlNamespaceIndex.None : int.MinValue;
    }
}
