using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.IntegrationTests.Infrastructure;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.IntegrationTests.ClickHouse;

public sealed class SinkTests
{
    [Fact]
    public async Task Writes_and_reads_back_a_run()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var run = new RunRecord { RunId = RunRecord.NewId("reconcile"), Kind = "reconcile", Input = "samples/x" };
        await using var sink = new ClickHouseResultSink(db.Store, run.RunId);

        await sink.RecordRunAsync(run, CancellationToken.None);
        run.Status = "complete";
        run.UnitsIn = 3;
        run.Seds = 2;
        run.Quarantined = 1;
        run.FinishedAt = run.StartedAt.AddSeconds(2);
        await sink.RecordRunAsync(run, CancellationToken.None);

        var row = await db.Store.QueryTextAsync(
            $"SELECT run_id, status, units_in, seds, quarantined, duration_ms FROM {db.Name}.runs FINAL FORMAT TSV", CancellationToken.None);
        Assert.Equal($"{run.RunId}\tcomplete\t3\t2\t1\t2000\n", row);
    }

    [Fact]
    public async Task Writing_the_same_results_twice_changes_no_final_count()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var evaluations = Enumerable.Range(0, 500).Select(i => SampleResults.Evaluation(i)).ToList();

        for (var pass = 0; pass < 2; pass++)
        {
            await using var sink = new ClickHouseResultSink(db.Store, $"run-{pass}");
            foreach (var e in evaluations)
            {
                await sink.WriteAsync(e, CancellationToken.None);
            }
            await sink.QuarantineAsync(new QuarantineRecord
            {
                Unit = new UnitId("batch.zip", "bad.xml", 0),
                ErrorCode = "UnexpectedEndOfInput",
                Message = "truncated",
                ByteOffset = 17,
                Line = 2,
                Column = 3,
                ElementPath = "/A009/Person",
                Raw = "<A009><Person>"u8.ToArray(),
            }, ParseOutcomeKind.Malformed, CancellationToken.None);
            await sink.FlushAsync(CancellationToken.None);
        }

        async Task<string> Count(string table) =>
            (await db.Store.QueryTextAsync($"SELECT count() FROM {db.Name}.{table} FINAL FORMAT TSV", CancellationToken.None)).Trim();
        Assert.Equal("500", await Count("sed_documents"));
        Assert.Equal("1000", await Count("match_results"));
        Assert.Equal("250", await Count("anomalies"));
        Assert.Equal("1", await Count("quarantine"));
        var raw = await db.Store.QueryTextAsync($"SELECT error_code, byte_offset, line, column, element_path, raw FROM {db.Name}.quarantine FINAL FORMAT TSV", CancellationToken.None);
        Assert.Equal("UnexpectedEndOfInput\t17\t2\t3\t/A009/Person\t<A009><Person>\n", raw);
    }

    /// <summary>
    /// A result whose last row cannot be encoded (a severity no table knows) takes back the SED, review and
    /// match rows written before it, and says so; the results around it are written whole.
    /// </summary>
    [Fact]
    public async Task A_result_that_cannot_be_encoded_leaves_no_row_behind_and_the_others_land()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var broken = SampleResults.Evaluation(1);
        broken.Anomalies.Add(new Anomaly { RuleId = "LEG-04", Severity = Severity.Red, Reasons = "a red flag first: a review row" });
        broken.Anomalies.Add(new Anomaly { RuleId = "ZZ-99", Severity = (Severity)99, Reasons = "no such severity" });
        await using (var sink = new ClickHouseResultSink(db.Store, "run-u"))
        {
            await sink.WriteAsync(SampleResults.Evaluation(0), CancellationToken.None);
            var e = await Assert.ThrowsAsync<Ingest.Core.Evaluation.UnwritableResultException>(() => sink.WriteAsync(broken, CancellationToken.None).AsTask());
            Assert.Equal(broken.Unit, e.Unit);
            Assert.Equal("ResultUnwritable", e.ToQuarantine().ErrorCode);
            await sink.WriteAsync(SampleResults.Evaluation(2), CancellationToken.None);
            await sink.FlushAsync(CancellationToken.None);
        }

        async Task<string> Count(string table) =>
            (await db.Store.QueryTextAsync($"SELECT count() FROM {db.Name}.{table} FINAL FORMAT TSV", CancellationToken.None)).Trim();
        Assert.Equal("2", await Count("sed_documents"));
        Assert.Equal("4", await Count("match_results"));
        Assert.Equal(SampleResults.Evaluation(0).Anomalies.Count + SampleResults.Evaluation(2).Anomalies.Count + "", await Count("anomalies"));
        Assert.Equal(new[] { SampleResults.Evaluation(0), SampleResults.Evaluation(2) }.Count(x => x.RedFlag) + "", await Count("review_queue"));
    }

    [Fact]
    public async Task Stores_the_fields_analysts_query()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        await using (var sink = new ClickHouseResultSink(db.Store, "run-x"))
        {
            await sink.WriteAsync(SampleResults.Evaluation(7), CancellationToken.None);
        }

        var row = await db.Store.QueryTextAsync(
            $"SELECT sed_type, sender_country, family_name, date_birth, pins, legislation_state, period_start, period_end, open_period, work_countries FROM {db.Name}.sed_documents FINAL FORMAT TSV",
            CancellationToken.None);
        Assert.Equal("A009\tPL\tKowalska-7\t1980-02-29\t['85022912345']\tPL\t2025-03-01\t2025-08-31\t0\t['FR']\n", row);
    }

    [Fact]
    public async Task A_later_evaluation_retracts_what_it_no_longer_finds_from_the_current_views()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var flagged = SampleResults.Evaluation(0, redFlag: true);
        var cleared = SampleResults.Evaluation(0);
        cleared.Anomalies.Clear();

        await WriteAsync(db, "run-1", flagged);
        Assert.Equal("2\t1", await CurrentAsync(db));

        await WriteAsync(db, "run-2", cleared); // e.g. the A1 arrived meanwhile
        Assert.Equal("0\t0", await CurrentAsync(db));
        Assert.Equal("2", (await db.Store.QueryTextAsync($"SELECT count() FROM {db.Name}.anomalies FINAL FORMAT TSV", CancellationToken.None)).Trim());

        await WriteAsync(db, "run-3", flagged); // and a replay of the first result brings it back
        Assert.Equal("2\t1", await CurrentAsync(db));
    }

    [Fact]
    public async Task An_X008_invalidates_the_document_it_names_by_type_and_issue_date_in_its_case()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var target = SampleResults.Evaluation(7);
        target.Sed.Envelope.CreatedAt = "2025-03-01T09:00:00Z";
        var other = SampleResults.Evaluation(8); // another case: untouched
        other.Sed.Envelope.CreatedAt = "2025-03-01T09:00:00Z";
        var x008 = SampleResults.Evaluation(9, sedType: "X008");
        x008.Sed.Envelope.CaseId = target.Sed.Envelope.CaseId;
        x008.Sed.Invalidation = new InvalidationBlock { TargetSedType = "A009", TargetIssueDate = "2025-03-01", Reason = "01" };

        await WriteAsync(db, "run-1", target, other, x008);

        var rows = await db.Store.QueryTextAsync(
            $"SELECT case_id, sed_type, invalidated FROM {db.Name}.sed_current ORDER BY case_id, sed_type FORMAT TSV", CancellationToken.None);
        Assert.Equal("case-7\tA009\t1\ncase-7\tX008\t0\ncase-8\tA009\t0\n", rows);
    }

    [Fact]
    public async Task An_X008_naming_the_issue_date_of_an_earlier_version_invalidates_the_document()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var v1 = SampleResults.Evaluation(7);
        v1.Sed.Envelope.CreatedAt = "2025-03-01T09:00:00Z";
        var v2 = SampleResults.Evaluation(7);
        v2.Sed.Envelope.DocumentVersion = 2;
        v2.Sed.Envelope.CreatedAt = "2025-04-15T09:00:00Z";
        var x008 = SampleResults.Evaluation(9, sedType: "X008");
        x008.Sed.Envelope.CaseId = v1.Sed.Envelope.CaseId;
        x008.Sed.Invalidation = new InvalidationBlock { TargetSedType = "A009", TargetIssueDate = "2025-03-01", Reason = "01" };

        await WriteAsync(db, "run-1", v1, v2, x008);

        var rows = await db.Store.QueryTextAsync(
            $"SELECT sed_type, current_version, invalidated FROM {db.Name}.sed_current WHERE case_id = 'case-7' ORDER BY sed_type FORMAT TSV", CancellationToken.None);
        Assert.Equal("A009\t2\t1\nX008\t1\t0\n", rows);
    }

    [Fact]
    public async Task An_A008_cancelling_the_whole_period_invalidates_every_decision_of_its_case_whatever_the_order()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var cancellation = Cancellation(7, periodStart: null, periodEnd: null);
        var posting = SampleResults.Evaluation(7); // arrives after its cancellation
        var amendment = SampleResults.Evaluation(10);
        amendment.Sed.Envelope.CaseId = posting.Sed.Envelope.CaseId;
        var request = SampleResults.Evaluation(11, sedType: "A001"); // not a decision: stays valid
        request.Sed.Envelope.CaseId = posting.Sed.Envelope.CaseId;
        var other = SampleResults.Evaluation(8); // another case: untouched

        await WriteAsync(db, "run-1", cancellation);
        await WriteAsync(db, "run-2", posting, amendment, request, other);

        Assert.Equal("A001\t0\nA008\t0\nA009\t1\nA009\t1\n", await ValidityAsync(db, "case-7"));
        Assert.Equal("A009\t0\n", await ValidityAsync(db, "case-8"));
    }

    [Fact]
    public async Task An_A008_restating_a_period_cancels_only_the_decisions_that_overlap_it()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var (overlapping, earlier) = PostingAndEarlierDecision();
        var open = SampleResults.Evaluation(11);
        open.Sed.Envelope.CaseId = overlapping.Sed.Envelope.CaseId;
        open.Sed.Decision.PeriodStart = "2024-12-01";
        open.Sed.Decision.PeriodEnd = null;
        var notFlagged = Cancellation(7, "2025-05-01", "2025-05-31");
        notFlagged.Sed.Change!.CancelWholePeriod = "0";
        notFlagged.Sed.Change.ChangeType = "period";

        await WriteAsync(db, "run-1", overlapping, earlier, open, notFlagged);
        Assert.Equal("A008\t0\nA009\t0\nA009\t0\nA009\t0\n", await ValidityAsync(db, "case-7"));

        // Written as some senders write dates: read as the rules read them, not as "no period" (which cancels all).
        await WriteAsync(db, "run-2", Cancellation(12, "01.05.2025", "31.05.2025", caseOf: 7));
        var rows = await db.Store.QueryTextAsync(
            $"SELECT period_start, invalidated FROM {db.Name}.sed_current WHERE case_id = 'case-7' AND sed_type = 'A009' ORDER BY period_start FORMAT TSV", CancellationToken.None);
        Assert.Equal("2024-01-01\t0\n2024-12-01\t1\n2025-03-01\t1\n", rows);
    }

    [Fact]
    public async Task An_X008_naming_an_A008_takes_its_cancellation_back_and_leaves_the_others()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var (posting, earlier) = PostingAndEarlierDecision();
        var whole = Cancellation(7, periodStart: null, periodEnd: null);
        whole.Sed.Envelope.CreatedAt = "2025-09-01T08:00:00Z";
        var may = Cancellation(12, "2025-05-01", "2025-05-31", caseOf: 7);
        may.Sed.Envelope.CreatedAt = "2025-09-15T08:00:00Z";
        await WriteAsync(db, "run-1", posting, earlier, whole, may);
        Assert.Equal("A008\t0\nA008\t0\nA009\t1\nA009\t1\n", await ValidityAsync(db, "case-7"));

        var x008 = SampleResults.Evaluation(9, sedType: "X008");
        x008.Sed.Envelope.CaseId = posting.Sed.Envelope.CaseId;
        x008.Sed.Invalidation = new InvalidationBlock { TargetSedType = "A008", TargetIssueDate = "2025-09-01", Reason = "01" };
        await WriteAsync(db, "run-2", x008);

        // The whole-period A008 is void; the May one still cancels the posting, not the 2024 decision.
        var rows = await db.Store.QueryTextAsync(
            $"SELECT sed_type, if(period_start = toDate('1970-01-01'), 'none', toString(period_start)) AS start, invalidated FROM {db.Name}.sed_current "
            + "WHERE case_id = 'case-7' ORDER BY sed_type, period_start FORMAT TSV", CancellationToken.None);
        Assert.Equal("A008\tnone\t1\nA008\t2025-05-01\t0\nA009\t2024-01-01\t0\nA009\t2025-03-01\t1\nX008\t2025-03-01\t0\n", rows);
    }

    [Fact]
    public async Task SEDs_without_a_case_id_are_no_case_an_X008_or_A008_could_void()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var posting = SampleResults.Evaluation(7);
        posting.Sed.Envelope.CaseId = "";
        posting.Sed.Envelope.CreatedAt = "2025-03-01T09:00:00Z";
        var cancellation = Cancellation(8, periodStart: null, periodEnd: null);
        cancellation.Sed.Envelope.CaseId = "";
        var x008 = SampleResults.Evaluation(9, sedType: "X008");
        x008.Sed.Envelope.CaseId = "";
        x008.Sed.Invalidation = new InvalidationBlock { TargetSedType = "A009", TargetIssueDate = "2025-03-01", Reason = "01" };

        await WriteAsync(db, "run-1", posting, cancellation, x008);

        Assert.Equal("A008\t0\nA009\t0\nX008\t0\n", await ValidityAsync(db, ""));
    }

    /// <summary>Case 7's decisions: the posting, 2025-03-01 .. 2025-08-31, and one for the first half of 2024.</summary>
    private static (SedEvaluation Posting, SedEvaluation Earlier) PostingAndEarlierDecision()
    {
        var posting = SampleResults.Evaluation(7);
        var earlier = SampleResults.Evaluation(10);
        earlier.Sed.Envelope.CaseId = posting.Sed.Envelope.CaseId;
        earlier.Sed.Decision.PeriodStart = "2024-01-01";
        earlier.Sed.Decision.PeriodEnd = "2024-06-30";
        return (posting, earlier);
    }

    private static SedEvaluation Cancellation(int i, string? periodStart, string? periodEnd, int? caseOf = null)
    {
        var a008 = SampleResults.Evaluation(i + 100, sedType: "A008");
        a008.Sed.Envelope.CaseId = $"case-{caseOf ?? i}";
        a008.Sed.Envelope.ReceivedAt = "2025-09-20T10:00:00Z";
        a008.Sed.Decision.PeriodStart = periodStart;
        a008.Sed.Decision.PeriodEnd = periodEnd;
        a008.Sed.Change = new ChangeBlock { ChangeType = "cancellation", EffectiveDate = "2025-04-01", CancelWholePeriod = "1" };
        return a008;
    }

    private static Task<string> ValidityAsync(TempDatabase db, string caseId) => db.Store.QueryTextAsync(
        $"SELECT sed_type, invalidated FROM {db.Name}.sed_current WHERE case_id = '{caseId}' ORDER BY sed_type, invalidated FORMAT TSV", CancellationToken.None);

    [Fact]
    public async Task An_X008_reads_its_target_type_and_date_as_the_engine_does_and_an_unreadable_date_names_nothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var received = SampleResults.Evaluation(7); // no creation date: issued the day it was received, 2025-03-02
        var x008 = SampleResults.Evaluation(9, sedType: "X008");
        x008.Sed.Envelope.CaseId = received.Sed.Envelope.CaseId;
        x008.Sed.Invalidation = new InvalidationBlock { TargetSedType = " a009 ", TargetIssueDate = "02.03.2025", Reason = "01" }; // type as the engine reads it
        var undated = SampleResults.Evaluation(8);
        undated.Sed.Envelope.CreatedAt = "unknown";
        undated.Sed.Envelope.ReceivedAt = "unknown";
        var unreadable = SampleResults.Evaluation(10, sedType: "X008");
        unreadable.Sed.Envelope.CaseId = undated.Sed.Envelope.CaseId;
        unreadable.Sed.Invalidation = new InvalidationBlock { TargetSedType = "A009", TargetIssueDate = "soon", Reason = "01" };

        await WriteAsync(db, "run-1", received, x008, undated, unreadable);

        Assert.Equal("A009\t1\nX008\t0\n", await ValidityAsync(db, "case-7"));
        Assert.Equal("A009\t0\nX008\t0\n", await ValidityAsync(db, "case-8"));
    }

    [Fact]
    public async Task Every_anomaly_of_the_latest_evaluation_is_current()
    {
        await using var db = await TempDatabase.CreateAsync();
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var three = SampleResults.Evaluation(0, redFlag: true);
        three.Anomalies.Add(new Anomaly { RuleId = "ID-02", Severity = Severity.Low, Reasons = "name differs" });

        await WriteAsync(db, "run-1", three);

        Assert.Equal("3\t1", await CurrentAsync(db));
    }

    private static async Task WriteAsync(TempDatabase db, string runId, params SedEvaluation[] evaluations)
    {
        await using var sink = new ClickHouseResultSink(db.Store, runId);
        foreach (var evaluation in evaluations)
        {
            await sink.WriteAsync(evaluation, CancellationToken.None);
        }
    }

    private static async Task<string> CurrentAsync(TempDatabase db) =>
        (await db.Store.QueryTextAsync(
            $"SELECT (SELECT count() FROM {db.Name}.anomalies_current), (SELECT count() FROM {db.Name}.review_current) FORMAT TSV",
            CancellationToken.None)).Trim();
}
