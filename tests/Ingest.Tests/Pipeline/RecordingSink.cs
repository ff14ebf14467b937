using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Tests.Pipeline;

/// <summary>Records each outcome handed to the sink as one comparable line, in order.</summary>
internal sealed class RecordingSink : IResultSink
{
    public List<string> Outcomes { get; } = [];

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        // Order and details included: the pipeline must reproduce the evaluator exactly, not just the rule set.
        var rules = string.Join(",", evaluation.Anomalies.Select(a => $"{a.RuleId}/{a.Severity}/{a.Reasons}"));
        var matches = string.Join(",", evaluation.Matches.Select(m => $"{m.Target}:{m.Status}:{m.TargetId}:{m.Score:F4}:{string.Join("+", m.Reasons)}"));
        Outcomes.Add($"{evaluation.Unit}|sed|{evaluation.Sed.SedType}|{rules}|{matches}|{evaluation.RedFlag}");
        return ValueTask.CompletedTask;
    }

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken)
    {
        Outcomes.Add($"{record.Unit}|{kind}|{record.ErrorCode}");
        return ValueTask.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
