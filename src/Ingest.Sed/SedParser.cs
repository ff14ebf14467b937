using System.Buffers;
using System.IO.Pipelines;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Sed;

/// <summary>
/// Parses one unit into a SED record, or says why not (not a SED, malformed, refused by a limit).
/// Never throws on bad input. Thread-safe: each thread reuses its own scratch buffers, so a document
/// costs no allocation beyond the record and the kept strings.
/// </summary>
public sealed class SedParser : ISedParser
{
    [ThreadStatic]
    private static SedDocumentMapper? t_mapper;

    private readonly SedParserOptions _options;
    private readonly XmlReaderOptions _transcodedXml;

    public SedParser(SedParserOptions? options = null)
    {
        _options = options ?? SedParserOptions.Default;
        _options.Xml.Validate();
        _transcodedXml = _options.Xml.ForTranscoded();
    }

    public ParseOutcome Parse(InputUnit unit) => Parse(unit, null);

    /// <summary>
    /// Parses into <paramref name="reuse"/> when given: its values are cleared and its entries reused, so the
    /// document costs only the strings it keeps. The caller must hold no reference into the old record.
    /// </summary>
    public ParseOutcome Parse(InputUnit unit, SedRecord? reuse)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.FramingError is not null)
        {
            // Refused before any XML was read: the unit as a whole, from its first byte (line 1, column 1), no element.
            return Quarantine(unit, ParseOutcomeKind.Malformed, unit.Oversized ? ParseErrorCode.DocumentTooLarge : ParseErrorCode.FramingError, unit.FramingError, 0, 1, 1, "");
        }
        var mapper = t_mapper ??= new SedDocumentMapper();
        if (_options.FastPath && unit.Payload.IsSingleSegment)
        {
            mapper.Reset(reuse);
            var fast = new XmlFastReader(unit.Payload.FirstSpan, _options.Xml, mapper.FastScratch);
            var fastHandler = new SedFastHandler(mapper);
            if (fast.TryReadToEnd(ref fastHandler))
            {
                return Complete(unit, mapper, unit.Headers);
            }
            // Outside the fast reader's subset, or not well-formed: the general reader reads it again from
            // the start (into the same record) and reports exactly what is wrong.
            reuse = mapper.Record;
        }
        mapper.Reset(reuse);
        try
        {
            var reader = new XmlTokenReader(unit.Payload, isFinalBlock: true, new XmlReaderState(_options.Xml, mapper.XmlBuffers));
            var handler = new SedTokenHandler(mapper);
            reader.ReadToEnd(ref handler);
        }
        catch (XmlParseException e) when (e.Code == ParseErrorCode.UnsupportedEncoding || XmlTranscoding.MayBeUtf16WithoutMark(unit.Payload.FirstSpan))
        {
            return ParseTranscoded(unit, mapper, e);
        }
        catch (XmlParseException e)
        {
            return Quarantine(unit, ParseOutcomeKind.Malformed, e.Code, e.Message, e.ByteOffset, e.Line, e.Column, e.ElementPath);
        }
        return Complete(unit, mapper, unit.Headers);
    }

    /// <summary>
    /// A document in UTF-16 or in another encoding its declaration names: read again from its UTF-8
    /// transcoding (rare, so the copy is acceptable), errors placed in the original bytes.
    /// </summary>
    private ParseOutcome ParseTranscoded(InputUnit unit, SedDocumentMapper mapper, XmlParseException refused)
    {
        var bytes = unit.Payload.IsSingleSegment ? unit.Payload.FirstSpan : unit.Payload.ToArray();
        var (document, invalid) = XmlTranscoding.TryTranscode(bytes);
        if (invalid is { } bad)
        {
            return Quarantine(unit, ParseOutcomeKind.Malformed, ParseErrorCode.UnsupportedEncoding, bad.Message, bad.ByteOffset, bad.Line, bad.Column, "/");
        }
        if (document is null)
        {
            return Quarantine(unit, ParseOutcomeKind.Malformed, refused.Code, refused.Message, refused.ByteOffset, refused.Line, refused.Column, refused.ElementPath);
        }
        mapper.Reset(mapper.Record);
        try
        {
            var reader = new XmlTokenReader(new ReadOnlySequence<byte>(document.Utf8), isFinalBlock: true, new XmlReaderState(_transcodedXml, mapper.XmlBuffers));
            var handler = new SedTokenHandler(mapper);
            reader.ReadToEnd(ref handler);
        }
        catch (XmlParseException e)
        {
            return Quarantine(unit, ParseOutcomeKind.Malformed, e.Code, $"{e.Message} (document read as {document.SourceName})", document.OriginalOffset(e.ByteOffset), e.Line, e.Column, e.ElementPath);
        }
        return Complete(unit, mapper, unit.Headers, document);
    }

    /// <summary>Streams a document from a pipe: memory stays bounded by the largest token and the limits.</summary>
    public async ValueTask<ParseOutcome> ParseAsync(UnitId id, PipeReader pipe, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        using var unitInfo = new InputUnit(id, ReadOnlyMemory<byte>.Empty) { Headers = headers };
        var mapper = new SedDocumentMapper();
        mapper.Reset();
        try
        {
            await XmlPipe.ReadToEndAsync(pipe, new XmlReaderState(_options.Xml, mapper.XmlBuffers), new SedTokenHandler(mapper), cancellationToken).ConfigureAwait(false);
        }
        catch (XmlParseException e)
        {
            return Quarantine(unitInfo, ParseOutcomeKind.Malformed, e.Code, e.Message, e.ByteOffset, e.Line, e.Column, e.ElementPath);
        }
        return Complete(unitInfo, mapper, unitInfo.Headers);
    }

    private ParseOutcome Complete(InputUnit unit, SedDocumentMapper mapper, IReadOnlyDictionary<string, string>? headers, XmlTranscoding.Transcoded? transcoded = null)
    {
        if (mapper.SedFound)
        {
            var record = mapper.Record;
            if (!mapper.InEnvelope && headers is not null)
            {
                mapper.ApplyHeaders(headers);
            }
            return ParseOutcome.Parsed(record);
        }
        var code = mapper.NotSedCode;
        var message = mapper.NotSedMessage;
        if (message is null)
        {
            code = mapper.InEnvelope ? ParseErrorCode.EnvelopeWithoutSed : ParseErrorCode.NotSed;
            message = mapper.InEnvelope ? "SBDH envelope without a SED element" : "not a SED";
        }
        var (line, column) = mapper.NotSedPosition;
        var offset = transcoded is null ? mapper.NotSedOffset : transcoded.OriginalOffset(mapper.NotSedOffset);
        return Quarantine(unit, ParseOutcomeKind.NotSed, code, message, offset, line, column, "/");
    }

    private ParseOutcome Quarantine(InputUnit unit, ParseOutcomeKind kind, ParseErrorCode code, string message, long offset, int line, int column, string path)
    {
        ReadOnlyMemory<byte> raw = unit.Payload.Length <= _options.MaxRawBytes ? unit.Payload.ToArray() : ReadOnlyMemory<byte>.Empty;
        var record = new QuarantineRecord
        {
            Unit = unit.Id,
            ErrorCode = ParseErrorNames.Of(code),
            Message = message,
            ByteOffset = offset,
            Line = line,
            Column = column,
            ElementPath = path,
            Raw = raw,
        };
        return new ParseOutcome(kind, null, record);
    }
}
