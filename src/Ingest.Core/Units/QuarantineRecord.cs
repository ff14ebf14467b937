namespace Ingest.Core.Units;

/// <summary>An input unit that could not become a SED row: why, and exactly where.</summary>
public sealed record QuarantineRecord
{
    public required UnitId Unit { get; init; }
    /// <summary>Name of the parser's error code, e.g. "UnexpectedEndOfInput", "DoctypeRejected".</summary>
    public required string ErrorCode { get; init; }
    public required string Message { get; init; }
    /// <summary>Offset of the error inside the unit (add <see cref="UnitId.Offset"/> for the source offset).</summary>
    public long ByteOffset { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public string ElementPath { get; init; } = "";
    /// <summary>The unit's bytes when small enough to keep (see the sink's cap); null otherwise.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }
}
