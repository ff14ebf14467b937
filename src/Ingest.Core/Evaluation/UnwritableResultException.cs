using Ingest.Core.Units;

namespace Ingest.Core.Evaluation;

/// <summary>
/// A sink could not turn an evaluation into rows (a value its schema cannot hold): none of the
/// evaluation's rows were kept. Not an outage, so retrying cannot help: the unit is quarantined
/// instead, with the reason, and the run or stream goes on.
/// </summary>
public sealed class UnwritableResultException(UnitId unit, Exception cause)
    : Exception($"the result of {unit} cannot be written: {cause.GetType().Name}: {cause.Message}", cause)
{
    public UnitId Unit { get; } = unit;

    public QuarantineRecord ToQuarantine() => new()
    {
        Unit = Unit,
        ErrorCode = "ResultUnwritable",
        Message = Message,
    };
}
