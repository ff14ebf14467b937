using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Tests.Pipeline;

/// <summary>
/// Records each outcome handed to the sink as one comparable line, in order. With <paramref name="wholeRecords"/>
/// the line holds the whole SED record as JSON, taken as it is written, and the sink keeps no evaluation
/// (so the pipeline may recycle records).
/// </summary>
internal sealed class RecordingSink(bool wholeRecords = false, Func<SedEvaluation, bool>? refuses = null) : IResultSink
{
    public List<string> Outcomes { get; } = [];

    /// <summary>The distinct record objects written.</summary>
    public HashSet<object> Records { get; } = new(ReferenceEqualityComparer.Instance);

    public int Seds { get; private set; }

    public bool KeepsEvaluations => !wholeRecords;

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (refuses?.Invoke(evaluation) == true)
        {
            // As the ClickHouse sink does with a value its schema cannot hold: nothing kept, said so.
            throw new UnwritableResultException(evaluation.Unit, new IndexOutOfRangeException("a severity no table knows"));
        }
        // Order and details included: the pipeline must reproduce the evaluator exactly, not just the rule set.
        var rules = string.Join(",", evaluation.Anomalies.Select(a => $"{a.RuleId}/{a.Severity}/{a.Reasons}"));
        var matches = string.Join(",", evaluation.Matches.Select(m => $"{m.Target}:{m.Status}:{m.TargetId}:{m.Score:F4}:{string.Join("+", m.Reasons)}"));
        var sed = wholeRecords ? Sed.SedTestParsing.Json(evaluation.Sed) : evaluation.Sed.SedType;
        Outcomes.Add($"{evaluation.Unit}|sed|{sed}|{rules}|{matches}|{evaluation.RedFlag}");
        Records.Add(evaluation.Sed);
        Seds++;
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
