using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;

namespace Ingest.Generator.Evaluation;

/// <summary>
/// Collects a run's conclusions in memory, exactly as <c>ingest evaluate</c> reads them back from
/// ClickHouse (per SED identity: red flag of any delivery, the first A1/declaration target with
/// status conform, conflict or review, the distinct rule ids), so an offline run scores the same.
/// The pipeline calls <see cref="WriteAsync"/> from one task.
/// </summary>
public sealed class PredictionSink : IResultSink
{
    public Dictionary<(string, string, int), PredictedSed> Predicted { get; } = [];

    /// <summary>Predictions keep the evaluation's strings, not the evaluation.</summary>
    public bool KeepsEvaluations => false;

    public ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var env = evaluation.Sed.Envelope;
        var key = (env.CaseId, env.DocumentId, Math.Max(env.DocumentVersion, 0));
        if (!Predicted.TryGetValue(key, out var p))
        {
            p = new PredictedSed(key.CaseId, key.DocumentId, key.Item3);
        }
        p = p with { RedFlag = p.RedFlag || evaluation.RedFlag };
        foreach (var m in evaluation.Matches)
        {
            if (string.IsNullOrEmpty(m.TargetId) || m.Status == MatchStatus.Unmatched)
            {
                continue;
            }
            if (m.Target == MatchTarget.A1 && p.A1 is null)
            {
                p = p with { A1 = m.TargetId };
            }
            else if (m.Target == MatchTarget.Declaration && p.Declaration is null)
            {
                p = p with { Declaration = m.TargetId };
            }
        }
        foreach (var a in evaluation.Anomalies)
        {
            p.Rules.Add(a.RuleId);
        }
        Predicted[key] = p;
        return ValueTask.CompletedTask;
    }

    public ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
