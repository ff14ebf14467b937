using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Core.Evaluation;

/// <summary>
/// Where results go. Writes are buffered; <see cref="FlushAsync"/> returns only once everything
/// written before it is durable, which is what a Kafka consumer waits for before storing offsets.
/// </summary>
public interface IResultSink : IAsyncDisposable
{
    ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken);

    ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken);

    Task FlushAsync(CancellationToken cancellationToken);

    Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>
    /// False when the sink has taken what it needs from an evaluation, and from the SED record inside it,
    /// by the time <see cref="WriteAsync"/> returns: the pipeline may then parse a later document into that
    /// record (see <see cref="ISedParser.Parse(InputUnit, Seds.SedRecord?)"/>).
    /// </summary>
    bool KeepsEvaluations => true;
}
