using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Generator.Evaluation;

namespace Ingest.Tests.Generator;

/// <summary>The offline run keeps what `evaluate` reads back from ClickHouse for each SED identity.</summary>
public sealed class PredictionSinkTests
{
    private static SedEvaluation Evaluation(MatchStatus a1Status, string? a1, params (string Rule, Severity Severity)[] anomalies)
    {
        var sed = new SedRecord { SedType = "A009", Envelope = new CaseEnvelope { CaseId = "C1", DocumentId = "D1", DocumentVersion = 2 } };
        var e = new SedEvaluation(new UnitId("u", null, 0), sed);
        e.Matches.Add(new MatchResult { Target = MatchTarget.A1, Status = a1Status, TargetId = a1 });
        e.Matches.Add(new MatchResult { Target = MatchTarget.Declaration, Status = MatchStatus.Unmatched });
        foreach (var (rule, severity) in anomalies)
        {
            e.Anomalies.Add(new Anomaly { RuleId = rule, Severity = severity, Reasons = "r" });
        }
        return e;
    }

    [Fact]
    public async Task Deliveries_of_one_identity_merge_like_the_clickhouse_queries()
    {
        var sink = new PredictionSink();
        await sink.WriteAsync(Evaluation(MatchStatus.Review, "A1-1", ("ID-07", Severity.Red)), CancellationToken.None);
        await sink.WriteAsync(Evaluation(MatchStatus.Conform, "A1-2", ("STR-08", Severity.Low)), CancellationToken.None);
        var p = Assert.Single(sink.Predicted).Value;
        Assert.Equal(("C1", "D1", 2), (p.CaseId, p.DocumentId, p.Version));
        Assert.Equal("A1-1", p.A1);
        Assert.Null(p.Declaration);
        Assert.True(p.RedFlag);
        Assert.Equal(["ID-07", "STR-08"], p.Rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unmatched_result_names_no_target()
    {
        var sink = new PredictionSink();
        await sink.WriteAsync(Evaluation(MatchStatus.Unmatched, "A1-1"), CancellationToken.None);
        var p = Assert.Single(sink.Predicted).Value;
        Assert.Null(p.A1);
        Assert.False(p.RedFlag);
    }
}
