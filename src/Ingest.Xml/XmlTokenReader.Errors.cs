using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Xml;

public ref partial struct XmlTokenReader
{
    /// <summary>Cold path: computes line, column and element path only when a document is rejected.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowAt(ParseErrorCode code, long offset, string? detail = null)
    {
        var line = _state.Line;
        var column = _state.Column;
        var cr = _state.LastWasCarriageReturn;
        var rel = Math.Clamp(offset - _startAbs, 0, _sequence.Length);
        XmlLineCounter.Advance(_sequence.Slice(0, rel), ref line, ref column, ref cr);
        detail ??= LimitOf(code);
        var message = detail is null ? XmlErrorMessages.Describe(code) : $"{XmlErrorMessages.Describe(code)}: {detail}";
        throw new XmlParseException(code, message, offset, line, column, ElementPath());
    }

    /// <summary>A limit's error says the limit and the setting that raises it.</summary>
    private readonly string? LimitOf(ParseErrorCode code) => code switch
    {
        ParseErrorCode.DocumentTooLarge => $"limit {_options.MaxDocumentBytes} bytes (Parser:MaxDocumentBytes)",
        ParseErrorCode.DepthExceeded => $"limit {_options.MaxDepth} levels (Parser:MaxDepth)",
        ParseErrorCode.TooManyAttributes => $"limit {_options.MaxAttributes} (Parser:MaxAttributes)",
        ParseErrorCode.NameTooLong => $"limit {_options.MaxNameLength} bytes (Parser:MaxNameLength)",
        ParseErrorCode.TextTooLong => $"limit {_options.MaxTextLength} bytes (Parser:MaxTextLength)",
        ParseErrorCode.TokenTooLong => $"limit {_options.MaxTokenLength} bytes (Parser:MaxTokenLength)",
        ParseErrorCode.TooManyElements => $"limit {_options.MaxElements} (Parser:MaxElements)",
        _ => null,
    };

    /// <summary>Line and column of a document offset inside the bytes this reader was given.</summary>
    public readonly (int Line, int Column) GetLineAndColumn(long offset)
    {
        var line = _state.Line;
        var column = _state.Column;
        var cr = _state.LastWasCarriageReturn;
        XmlLineCounter.Advance(_sequence.Slice(0, Math.Clamp(offset - _startAbs, 0, _sequence.Length)), ref line, ref column, ref cr);
        return (line, column);
    }

    /// <summary>Qualified names of the open elements, "/root/child"; while a start tag is read, its element ends the path.</summary>
    public readonly string ElementPath()
    {
        var b = _buffers;
        var depth = b.Depth;
        if (depth <= 0 && !_inStartTag)
        {
            return "/";
        }
        var sb = new StringBuilder();
        for (var d = 0; d < depth; d++)
        {
            ref readonly var e = ref b.Elements[d];
            sb.Append('/').Append(Encoding.UTF8.GetString(b.NameBytes, e.NameStart, e.NameLength));
        }
        if (_inStartTag)
        {
            sb.Append('/').Append(Encoding.UTF8.GetString(_name));
        }
        return sb.ToString();
    }
}
