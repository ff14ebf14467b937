using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Pipeline;

/// <summary>`--dry-run`: the whole pipeline runs, nothing is written anywhere.</summary>
public sealed class DryRunSink : IResultSink
{
    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public bool KeepsEvaluations => false;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
