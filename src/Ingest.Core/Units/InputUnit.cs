using System.Buffers;

namespace Ingest.Core.Units;

/// <summary>
/// One unit of input (a file, a zip entry, a frame, a Kafka record) with its bytes. The payload may
/// live in pooled memory: dispose the unit once the parser is done with it.
/// </summary>
public sealed class InputUnit : IDisposable
{
    private IDisposable? _owner;

    public InputUnit(UnitId id, ReadOnlySequence<byte> payload, IDisposable? owner = null)
    {
        Id = id;
        Payload = payload;
        _owner = owner;
    }

    public InputUnit(UnitId id, ReadOnlyMemory<byte> payload, IDisposable? owner = null)
        : this(id, new ReadOnlySequence<byte>(payload), owner)
    {
    }

    public UnitId Id { get; }

    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>Case metadata carried outside the payload (Kafka headers), used when the payload has no envelope.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Set by a framing source when the unit could not be cut from its source (bad frame header, short
    /// frame): the parser reports it as malformed with code FramingError instead of parsing the payload.
    /// </summary>
    public string? FramingError { get; init; }

    /// <summary>
    /// The unit was refused for its size before it was read (with a <see cref="FramingError"/> saying so):
    /// the parser reports the document-size limit's own code, DocumentTooLarge.
    /// </summary>
    public bool Oversized { get; init; }

    /// <summary>
    /// Set when <see cref="Payload"/> is still deflate-compressed; Ingest.Sources' UnitInflation
    /// expands it (checking length and CRC-32) before parsing.
    /// </summary>
    public DeflatedPayload? Deflated { get; init; }

    public void Dispose()
    {
        _owner?.Dispose();
        _owner = null;
    }
}
