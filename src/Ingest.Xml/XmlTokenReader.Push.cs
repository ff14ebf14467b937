using System.Runtime.CompilerServices;

namespace Ingest.Xml;

public ref partial struct XmlTokenReader
{
    /// <summary>
    /// Reads every token the data holds, pushing each to <paramref name="handler"/>: the same tokens,
    /// positions and errors as <c>while (Read())</c> with a dispatch on <see cref="TokenType"/>, but the
    /// tokens of the document body (tags and text inside one segment) take a loop without
    /// <see cref="Read"/>'s per-call bookkeeping, and a skipped element costs no callback per token.
    /// Returns like the last <see cref="Read"/>: at the end of the document when <see cref="IsFinalBlock"/>,
    /// otherwise when more data is needed (resume with <see cref="CurrentState"/>; a skip in progress resumes too).
    /// </summary>
    public void ReadToEnd<THandler>(ref THandler handler)
        where THandler : struct, IXmlElementHandler
    {
        // Past the size limit every token needs Read's check; below it (nearly always) none does.
        var bodyFast = _endAbs <= _options.MaxDocumentBytes;
        while (true)
        {
            if (bodyFast && !_state.PendingEnd && _state.Phase == XmlDocumentPhase.InRoot && _pos < _current.Length)
            {
                var buf = _current;
                var i = _pos;
                _tokenType = XmlTokenType.None;
                _tokenAbs = _currentAbs + i;
                int end;
                if (buf[i] != (byte)'<')
                {
                    end = ParseText(buf, i);
                }
                else if (i + 1 < buf.Length && buf[i + 1] == (byte)'/')
                {
                    end = ParseEndTag(buf, i);
                }
                else if (i + 1 < buf.Length && buf[i + 1] is not ((byte)'!' or (byte)'?'))
                {
                    end = ParseStartTag(buf, i);
                }
                else
                {
                    end = -1;
                }
                if (end >= 0)
                {
                    _pos = end;
                    if (_tokenType == XmlTokenType.None)
                    {
                        continue;
                    }
                }
                else if (!Read())
                {
                    // Comments, PIs, CDATA and tokens that run past the segment took the general path, from the same place.
                    return;
                }
            }
            else if (!Read())
            {
                return;
            }
            // One call site, so the handler's code is inlined once.
            Dispatch(ref handler);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Dispatch<THandler>(ref THandler handler)
        where THandler : struct, IXmlElementHandler
    {
        var type = _tokenType;
        if (_state.SkipDepth > 0)
        {
            // Inside a skipped element: only its own end tag is reported.
            if (type == XmlTokenType.EndElement && _buffers.Depth == _state.SkipDepth - 1)
            {
                _state.SkipDepth = 0;
                handler.OnEndElement(ref this);
            }
            return;
        }
        if (type == XmlTokenType.StartElement)
        {
            if (!handler.OnStartElement(ref this))
            {
                _state.SkipDepth = _buffers.Depth;
            }
        }
        else if (type == XmlTokenType.EndElement)
        {
            handler.OnEndElement(ref this);
        }
        else if (type is XmlTokenType.Text or XmlTokenType.CData)
        {
            handler.OnText(ref this);
        }
        else
        {
            handler.OnOther(ref this);
        }
    }
}
