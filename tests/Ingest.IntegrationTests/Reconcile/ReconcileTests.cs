using System.Diagnostics;
using System.Text.Json;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests.Reconcile;

/// <summary>The nightly job end to end through the CLI, into the real ClickHouse.</summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private static readonly Lazy<string> s_corpus = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "ingest-it-corpus-2000-s5");
        if (!File.Exists(Path.Combine(dir, "manifest.json")))
        {
            var (exit, output) = IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(3), "generate", "--out", dir, "--seds", "2000", "--seed", "5").GetAwaiter().GetResult();
            Assert.True(exit == 0, output);
        }
        return dir;
    });

    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Reconciling_the_same_input_twice_changes_no_query_result()
    {
        var first = await Reconcile();
        var afterFirst = await Snapshot();
        var second = await Reconcile();
        var afterSecond = await Snapshot();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(afterFirst, afterSecond);
        var runs = await _db.Store.QueryTextAsync(
            $"SELECT status, units_in = seds + quarantined, units_in FROM {_db.Name}.runs FINAL ORDER BY started_at FORMAT TSV", CancellationToken.None);
        Assert.Equal("complete\t1\t2000\ncomplete\t1\t2000\n", runs);
    }

    [Fact]
    public async Task Every_unit_is_accounted_for_as_a_document_or_a_quarantine_row()
    {
        var (exit, output) = await Reconcile();
        Assert.True(exit == 0, output);
        var (_, status) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(1), "status", "--json");
        using var counts = JsonDocument.Parse(status.Split('\n').First(l => l.StartsWith('{')));
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(s_corpus.Value, "manifest.json")));
        var malformed = manifest.RootElement.GetProperty("counts").GetProperty("malformed").GetInt64();
        var duplicates = manifest.RootElement.GetProperty("counts").GetProperty("duplicateDeliveries").GetInt64();
        Assert.Equal(malformed, counts.RootElement.GetProperty("quarantined").GetInt64());
        Assert.Equal(2000 - malformed, counts.RootElement.GetProperty("sedRows").GetInt64());
        Assert.Equal(2000 - malformed - duplicates, counts.RootElement.GetProperty("sedDistinct").GetInt64());
    }

    /// <summary>
    /// The hand-written samples include SEDs without an envelope, so without a case or document id: each
    /// is stored under a stand-in id from its bytes, not all under one empty identity the final views
    /// would fold into one row; read twice, they are still one document each.
    /// </summary>
    [Fact]
    public async Task SEDs_that_name_no_document_are_each_a_document_of_their_own()
    {
        var samples = Path.Combine(LocalServices.RepositoryRoot, "samples", "valid");
        for (var pass = 0; pass < 2; pass++)
        {
            var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(3), "reconcile", "--input", samples);
            Assert.True(exit == 0, output);
        }

        var bare = await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_documents FINAL WHERE document_id LIKE 'content-%'", CancellationToken.None);
        var all = await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_documents FINAL", CancellationToken.None);
        var files = Directory.GetFiles(samples, "*.xml").Length;
        Assert.Equal(files, all);
        Assert.Equal(Directory.GetFiles(samples, "*.xml").Count(f => !f.Contains("sbdh", StringComparison.Ordinal)), bare);
    }

    /// <summary>Four queries of the pack against a reconciled corpus, each held to what its title says.</summary>
    [Fact]
    public async Task The_query_pack_computes_what_its_titles_say()
    {
        var (exit, output) = await Reconcile();
        Assert.True(exit == 0, output);

        // Conflicts: one row for each LEG-01/LEG-02 finding on a valid document (the engine's person links).
        var conflicts = await Query("conflicting-legislation");
        var findings = await _db.Store.ScalarAsync(
            $"SELECT count() FROM {_db.Name}.anomalies_current ALL INNER JOIN (SELECT case_id, document_id FROM {_db.Name}.sed_current WHERE invalidated = 0) USING (case_id, document_id) WHERE rule_id IN ('LEG-01', 'LEG-02')",
            CancellationToken.None);
        Assert.Equal(findings, conflicts.Count);
        Assert.True(findings > 0, "the corpus has no conflict: the check proves nothing");

        // Employers: a posting is a case, whatever amendments it had.
        var employers = await Query("employers-by-risk", "limit=100000");
        var cases = await _db.Store.ScalarAsync(
            $"SELECT uniqExact(case_id) FROM {_db.Name}.sed_current WHERE sed_type = 'A009' AND invalidated = 0 AND notEmpty(employer_ids) AND employer_ids[1] != ''",
            CancellationToken.None);
        Assert.Equal(cases, employers.Sum(e => e.GetProperty("postings").GetInt64()));

        // Invalidated after a declaration relied on them: the declaration was filed before the SED went void.
        Assert.All(await Query("invalidated-after-declaration"), r =>
            Assert.True(DateOnly.Parse(r.GetProperty("declaration_filed_on").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                <= DateOnly.FromDateTime(DateTime.Parse(r.GetProperty("invalidated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture))));

        // The review queue: valid documents only, each listed with the time it first entered the queue,
        // which a second run of the same input does not change.
        var queue = await Query("review-queue", "limit=100000");
        var queuedValid = await _db.Store.ScalarAsync(
            $"SELECT count() FROM {_db.Name}.review_current ANY INNER JOIN (SELECT case_id, document_id FROM {_db.Name}.sed_current WHERE invalidated = 0) USING (case_id, document_id)",
            CancellationToken.None);
        Assert.Equal(queuedValid, queue.Count);
        var again = await Reconcile();
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(queue.Select(r => r.GetRawText()), (await Query("review-queue", "limit=100000")).Select(r => r.GetRawText()));

        // Chains: at least two postings, the last end on or after the first start + 24 months.
        Assert.All(await Query("posting-chains-over-24-months"), r =>
        {
            Assert.True(r.GetProperty("postings").GetInt64() >= 2);
            var first = DateOnly.Parse(r.GetProperty("first_start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DateOnly.Parse(r.GetProperty("last_end").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= first.AddMonths(24));
        });
    }

    private async Task<List<JsonElement>> Query(string name, params string[] parameters)
    {
        var args = new List<string> { "query", name, "--format", "json" };
        foreach (var p in parameters)
        {
            args.AddRange(["--param", p]);
        }
        var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(1), [.. args]);
        Assert.True(exit == 0, output);
        var json = output[output.IndexOf('[', StringComparison.Ordinal)..];
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public async Task Evaluating_a_run_that_does_not_exist_says_so()
    {
        var (exit, output) = await Reconcile();
        Assert.True(exit == 0, output);

        var (evaluated, said) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(1), "evaluate", "--truth", Path.Combine(s_corpus.Value, "truth.jsonl"), "--run", "reconcile-nosuch");

        Assert.Equal(1, evaluated);
        Assert.Contains("no run reconcile-nosuch in ClickHouse", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(3), "reconcile", "--input", s_corpus.Value, "--dry-run");
        Assert.True(exit == 0, output);
        Assert.Contains("(nothing written)", output, StringComparison.Ordinal);
        Assert.Equal("0", (await _db.Store.QueryTextAsync($"SELECT count() FROM system.databases WHERE name = '{_db.Name}' FORMAT TSV", CancellationToken.None)).Trim());
    }

    [Fact]
    public async Task A_heap_limit_runs_the_job_in_that_budget()
    {
        // The process restarts itself into the hard limit without conserve-memory mode; the summary names the mode it ran in.
        var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(3), "reconcile", "--input", s_corpus.Value, "--dry-run", "--heap-limit", "1.5G");
        Assert.True(exit == 0, output);
        Assert.Contains("heap limit 1.50 GB, conserve-memory 0", output, StringComparison.Ordinal);
        Assert.Contains("audit              in = SEDs + quarantined", output, StringComparison.Ordinal);

        (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(1), "reconcile", "--input", s_corpus.Value, "--dry-run", "--heap-limit", "lots");
        Assert.True(exit == 64, output);
        Assert.Contains("is not a size", output, StringComparison.Ordinal);
        (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(1), "reconcile", "--input", s_corpus.Value, "--dry-run", "--heap-limit", "100M");
        Assert.True(exit == 64, output);
        Assert.Contains("at least 256 MB", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ClickHouse_restart_during_a_run_is_retried_or_fails_loudly_never_half_written_silently()
    {
        using var run = IngestProcess.Start(_db.Name, "reconcile", "--input", s_corpus.Value, "--set", "ClickHouse:BatchRows=200", "--set", "ClickHouse:MaxRetries=8");
        var clock = Stopwatch.StartNew();
        while (await RowsOrZero() == 0 && clock.Elapsed < TimeSpan.FromSeconds(90) && !run.HasExited)
        {
            await Task.Delay(50);
        }
        await Script("stop");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Script("start");
        await run.WaitAsync(TimeSpan.FromMinutes(3));

        var distinct = await _db.Store.ScalarAsync($"SELECT count() FROM (SELECT 1 FROM {_db.Name}.sed_documents GROUP BY case_id, document_id, version)", CancellationToken.None);
        var status = (await _db.Store.QueryTextAsync($"SELECT status FROM {_db.Name}.runs FINAL FORMAT TSV", CancellationToken.None)).Trim();
        if (run.ExitCode == 0)
        {
            Assert.Equal("complete", status);
            var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(s_corpus.Value, "manifest.json"))).RootElement.GetProperty("counts");
            Assert.Equal(2000 - manifest.GetProperty("malformed").GetInt64() - manifest.GetProperty("duplicateDeliveries").GetInt64(), distinct);
        }
        else
        {
            Assert.Contains("failed", run.Output, StringComparison.Ordinal);
        }
    }

    private Task<(int ExitCode, string Output)> Reconcile() =>
        IngestProcess.RunAsync(_db.Name, TimeSpan.FromMinutes(3), "reconcile", "--input", s_corpus.Value);

    private async Task<string> Snapshot()
    {
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            $"SELECT count(), sum(red_flag) FROM {_db.Name}.sed_documents FINAL",
            $"SELECT target, status, count() FROM {_db.Name}.match_results FINAL GROUP BY target, status ORDER BY target, status",
            $"SELECT rule_id, count() FROM {_db.Name}.anomalies FINAL GROUP BY rule_id ORDER BY rule_id",
            $"SELECT count() FROM {_db.Name}.quarantine FINAL",
            $"SELECT count() FROM {_db.Name}.review_queue FINAL",
            $"SELECT count(), sum(invalidated) FROM {_db.Name}.sed_current",
        })
        {
            parts.Add(await _db.Store.QueryTextAsync(sql + " FORMAT TSV", CancellationToken.None));
        }
        return string.Join("|", parts);
    }

    private async Task<long> RowsOrZero()
    {
        try
        {
            return await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_documents", CancellationToken.None);
        }
        catch (Exception e) when (e.Message.Contains("Code: 81", StringComparison.Ordinal) || e.Message.Contains("Code: 60", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    private static async Task Script(string verb)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", [Path.Combine(LocalServices.RepositoryRoot, "scripts", "clickhouse.sh"), verb]) { RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"clickhouse.sh {verb}: {await p.StandardError.ReadToEndAsync()}");
    }
}
