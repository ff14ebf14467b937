using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ingest.Xml;

/// <summary>
/// Zero-copy, forward-only XML 1.0 + Namespaces tokenizer over a <see cref="ReadOnlySequence{T}"/>
/// (Utf8JsonReader style). Each <see cref="Read"/> moves to the next token; spans stay valid until
/// the next call. <c>false</c> means "end of document" when <see cref="IsFinalBlock"/> is true and
/// "need more data" otherwise: resume with a new reader over the unconsumed bytes and <see cref="CurrentState"/>.
/// Rejections throw <see cref="XmlParseException"/>. Tokens inside one segment are parsed in place;
/// a token split across segments is joined once into scratch memory.
/// </summary>
public ref partial struct XmlTokenReader : IXmlStartTag
{
    private readonly ReadOnlySequence<byte> _sequence;
    private readonly bool _isFinalBlock;
    private readonly long _startAbs;
    private readonly long _endAbs;
    private readonly XmlReaderBuffers _buffers;
    private readonly XmlReaderOptions _options;
    private XmlReaderState _state;

    private ReadOnlySpan<byte> _current;
    private long _currentAbs;
    private int _pos;
    private SequencePosition _next;

    // Absolute offset of index 0 of the buffer being parsed, for error offsets: _currentAbs, except
    // while ParseJoined parses its join buffer.
    private long _bufAbs;

    // The current token. An element's name and namespace are read from its entry on the element stack
    // (the popped entry for an end tag, intact until the next push), so a tag stores only its type.
    private XmlTokenType _tokenType;
    private ReadOnlySpan<byte> _name;    // start tag (in the input), PI target or "xml" (declaration)
    private int _prefixLength;           // start tag
    // A start tag is being read (its name in _name, not pushed yet): an error in it names it in the path.
    private bool _inStartTag;
    private ReadOnlySpan<byte> _value;   // text, CDATA, comment, PI data, declaration
    private bool _valueIsAscii;
    private ReadOnlySpan<byte> _tagBuffer; // the buffer holding the current start tag's attributes
    private int _attributeCount;
    private long _tokenAbs;

    public XmlTokenReader(ReadOnlySequence<byte> data, bool isFinalBlock, XmlReaderState state)
    {
        _sequence = data;
        _isFinalBlock = isFinalBlock;
        _state = state;
        _buffers = state.Buffers ?? throw new ArgumentException("state was not created with its constructor", nameof(state));
        _options = state.Options;
        _startAbs = state.Consumed;
        _endAbs = _startAbs + data.Length;
        _currentAbs = _startAbs;
        _bufAbs = _startAbs;
        if (data.IsSingleSegment)
        {
            _current = data.FirstSpan;
            _next = data.End;
        }
        else
        {
            _next = data.Start;
            _current = default;
            TryAdvanceSegment();
        }
    }

    public readonly bool IsFinalBlock => _isFinalBlock;

    public readonly XmlTokenType TokenType => _tokenType;

    /// <summary>Qualified name of the current element (start or end) or PI target.</summary>
    public readonly ReadOnlySpan<byte> Name => _tokenType switch
    {
        XmlTokenType.StartElement or XmlTokenType.ProcessingInstruction or XmlTokenType.XmlDeclaration => _name,
        XmlTokenType.EndElement => ElementName(in CurrentElement),
        _ => default,
    };

    public readonly ReadOnlySpan<byte> LocalName
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_tokenType == XmlTokenType.StartElement)
            {
                return _prefixLength == 0 ? _name : _name[(_prefixLength + 1)..];
            }
            return EndOrOtherLocalName();
        }
    }

    public readonly ReadOnlySpan<byte> Prefix => _tokenType switch
    {
        XmlTokenType.StartElement => _name[.._prefixLength],
        XmlTokenType.EndElement => ElementName(in CurrentElement)[..CurrentElement.PrefixLength],
        _ => default,
    };

    /// <summary>Resolved namespace of the current element; empty when none.</summary>
    public readonly ReadOnlySpan<byte> NamespaceUri =>
        _tokenType is XmlTokenType.StartElement or XmlTokenType.EndElement ? NamespaceOf(CurrentElement.NamespaceIndex) : default;

    /// <summary>Text, CDATA, comment or PI data, after entity and end-of-line normalisation.</summary>
    public readonly ReadOnlySpan<byte> Value => _tokenType is XmlTokenType.StartElement or XmlTokenType.EndElement ? default : _value;

    /// <summary>
    /// True when <see cref="Value"/> is known to be ASCII (plain text, which the vectorised scan proves as it
    /// goes); false when it may not be. Lets a consumer widen bytes to a string without scanning them again.
    /// </summary>
    public readonly bool ValueIsAscii => _valueIsAscii && _tokenType is not (XmlTokenType.StartElement or XmlTokenType.EndElement);

    public readonly bool IsEmptyElement => _tokenType == XmlTokenType.StartElement && _state.PendingEnd;

    public readonly int AttributeCount => _tokenType == XmlTokenType.StartElement ? _attributeCount : 0;

    /// <summary>Depth of the current element: 0 for the root's start and end tags, as XmlReader counts.</summary>
    public readonly int Depth => _tokenType == XmlTokenType.StartElement ? _buffers.Depth - 1 : _buffers.Depth;

    /// <summary>Document offset of the first byte of the current token.</summary>
    public readonly long TokenStartOffset => _tokenAbs;

    /// <summary>Document offset after the last consumed token.</summary>
    public readonly long BytesConsumed => _currentAbs + _pos;

    /// <summary>Position in the input sequence after the last consumed token.</summary>
    public readonly SequencePosition Position => _sequence.GetPosition(BytesConsumed - _startAbs);

    /// <summary>The state to resume from, with line and column brought up to <see cref="BytesConsumed"/>.</summary>
    public readonly XmlReaderState CurrentState
    {
        get
        {
            var s = _state;
            s.Consumed = BytesConsumed;
            XmlLineCounter.Advance(_sequence.Slice(0, s.Consumed - _startAbs), ref s.Line, ref s.Column, ref s.LastWasCarriageReturn);
            return s;
        }
    }

    public readonly XmlAttribute GetAttribute(int index)
    {
        if ((uint)index >= (uint)AttributeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        ref readonly var slot = ref _buffers.Attributes[index];
        var name = _tagBuffer.Slice(slot.NameStart, slot.NameLength);
        var value = slot.ValueDecoded
            ? _buffers.AttributeValues.AsSpan(slot.ValueStart, slot.ValueLength)
            : _tagBuffer.Slice(slot.ValueStart, slot.ValueLength);
        return new XmlAttribute(name, slot.PrefixLength, NamespaceOf(slot.NamespaceIndex), value);
    }

    /// <summary>Finds an unprefixed attribute by local name; empty and false when absent.</summary>
    public readonly bool TryGetAttribute(ReadOnlySpan<byte> localName, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            ref readonly var slot = ref _buffers.Attributes[i];
            if (slot.PrefixLength == 0 && _tagBuffer.Slice(slot.NameStart, slot.NameLength).SequenceEqual(localName))
            {
                value = slot.ValueDecoded
                    ? _buffers.AttributeValues.AsSpan(slot.ValueStart, slot.ValueLength)
                    : _tagBuffer.Slice(slot.ValueStart, slot.ValueLength);
                return true;
            }
        }
        value = default;
        return false;
    }

    public bool Read()
    {
        _tokenType = XmlTokenType.None;
        if (_state.PendingEnd)
        {
            _state.PendingEnd = false;
            SetEndTokenFromTop();
            return true;
        }
        while (true)
        {
            if (_pos >= _current.Length && !TryAdvanceSegment())
            {
                return AtEndOfData();
            }
            _tokenAbs = _currentAbs + _pos;
            var end = ParseToken(_current, _pos);
            if (end >= 0)
            {
                _pos = end;
            }
            else if (_currentAbs + _current.Length < _endAbs)
            {
                if (!ParseJoined())
                {
                    return false;
                }
            }
            else if (_isFinalBlock)
            {
                ThrowAt(ParseErrorCode.UnexpectedEndOfInput, _endAbs);
            }
            else
            {
                return false;
            }
            var consumed = _currentAbs + _pos;
            if (consumed > _options.MaxDocumentBytes)
            {
                ThrowAt(ParseErrorCode.DocumentTooLarge, _options.MaxDocumentBytes);
            }
            if (_tokenType != XmlTokenType.None)
            {
                return true;
            }
        }
    }

    /// <summary>Reads to the end of the current element (for skipping); the reader ends on its end tag.</summary>
    public bool Skip()
    {
        if (_tokenType != XmlTokenType.StartElement)
        {
            return true;
        }
        var depth = _buffers.Depth;
        while (Read())
        {
            if (_tokenType == XmlTokenType.EndElement && _buffers.Depth == depth - 1)
            {
                return true;
            }
        }
        return false;
    }

    private readonly ReadOnlySpan<byte> EndOrOtherLocalName()
    {
        if (_tokenType != XmlTokenType.EndElement)
        {
            return Name;
        }
        ref readonly var e = ref CurrentElement;
        var skip = e.PrefixLength == 0 ? 0 : e.PrefixLength + 1;
        return _buffers.NameBytes.AsSpan(e.NameStart + skip, e.NameLength - skip);
    }

    /// <summary>The current element's entry: Depth is its index for its start and for its end tag alike.</summary>
    private readonly ref XmlReaderBuffers.ElementEntry CurrentElement => ref _buffers.Elements[Depth];

    private readonly ReadOnlySpan<byte> ElementName(in XmlReaderBuffers.ElementEntry e) => _buffers.NameBytes.AsSpan(e.NameStart, e.NameLength);

    private readonly ReadOnlySpan<byte> NamespaceOf(int index)
    {
        if (index >= 0)
        {
            ref readonly var ns = ref _buffers.Namespaces[index];
            return _buffers.NsBytes.AsSpan(ns.UriStart, ns.UriLength);
        }
        return index switch
        {
            XmlNamespaceIndex.Xml => XmlCharacters.XmlNamespace,
            XmlNamespaceIndex.Xmlns => XmlCharacters.XmlnsNamespace,
            _ => default,
        };
    }

    private bool AtEndOfData()
    {
        if (!_isFinalBlock)
        {
            return false;
        }
        switch (_state.Phase)
        {
            case XmlDocumentPhase.InRoot:
                ThrowAt(ParseErrorCode.UnexpectedEndOfInput, _endAbs);
                break;
            case XmlDocumentPhase.Epilog:
                return false;
            default:
                ThrowAt(ParseErrorCode.NoRootElement, _endAbs);
                break;
        }
        return false;
    }

    private bool TryAdvanceSegment()
    {
        _currentAbs += _current.Length;
        _bufAbs = _currentAbs;
        _pos = 0;
        _current = default;
        while (_currentAbs < _endAbs && _sequence.TryGet(ref _next, out var memory))
        {
            if (!memory.IsEmpty)
            {
                _current = memory.Span;
                return true;
            }
        }
        return false;
    }

    private void SetPosition(long abs)
    {
        var rel = abs - _startAbs;
        _currentAbs = abs;
        _bufAbs = abs;
        _pos = 0;
        if (rel >= _sequence.Length)
        {
            _current = default;
            _next = _sequence.End;
            return;
        }
        var p = _sequence.GetPosition(rel);
        _sequence.TryGet(ref p, out var memory);
        _current = memory.Span;
        _next = p;
    }

    /// <summary>Rare path: the token runs past the current segment, so join segments (doubling) until it completes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ParseJoined()
    {
        var tokenAbs = _currentAbs + _pos;
        var len = 0;
        AppendJoin(ref len, _current[_pos..]);
        var next = _next;
        var dataAbs = _currentAbs + _current.Length;
        var target = Math.Max(len * 2, 256);
        while (true)
        {
            while (len < target && dataAbs < _endAbs && _sequence.TryGet(ref next, out var memory))
            {
                AppendJoin(ref len, memory.Span);
                dataAbs += memory.Length;
            }
            _bufAbs = tokenAbs;
            var end = ParseToken(_buffers.Join.AsSpan(0, len), 0);
            if (end >= 0)
            {
                SetPosition(tokenAbs + end);
                return true;
            }
            if (dataAbs >= _endAbs)
            {
                if (_isFinalBlock)
                {
                    ThrowAt(ParseErrorCode.UnexpectedEndOfInput, _endAbs);
                }
                _bufAbs = _currentAbs;
                return false;
            }
            target = len * 2;
        }
    }

    private readonly void AppendJoin(ref int len, ReadOnlySpan<byte> data)
    {
        XmlReaderBuffers.Grow(ref _buffers.Join, len + data.Length);
        data.CopyTo(_buffers.Join.AsSpan(len));
        len += data.Length;
    }

    /// <summary>
    /// Reports the end of the innermost element and pops it at once: its name and namespace stay
    /// readable until the next push, which only a later <see cref="Read"/> can do.
    /// </summary>
    private void SetEndTokenFromTop()
    {
        var b = _buffers;
        ref var top = ref b.Elements[b.Depth - 1];
        _tokenType = XmlTokenType.EndElement;
        b.NameBytesUsed = top.NameStart;
        b.NamespaceCount = top.NamespaceCountBefore;
        b.NsBytesUsed = top.NsBytesBefore;
        b.Depth--;
        if (b.Depth == 0)
        {
            _state.Phase = XmlDocumentPhase.Epilog;
        }
    }
}
