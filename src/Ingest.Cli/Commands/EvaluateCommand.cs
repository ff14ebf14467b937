using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingest.Cli.Hosting;
using Ingest.Core.Results;
using Ingest.Generator.Evaluation;
using Ingest.Generator.Truth;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Matching.Rules;
using Ingest.Pipeline;
using Ingest.Sources;
using Ingest.Sinks.ClickHouse;

namespace Ingest.Cli.Commands;

internal sealed partial class EvaluateCommand : ICliCommand, IHasFlags
{
    public string Name => "evaluate";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "a1", "corpus", "declarations", "json", "misses", "run", "set", "truth" };

    public string Summary => "score a run's results (in ClickHouse, or an in-memory run of a corpus) against the generator's truth.jsonl";

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public string Help => """
        usage: ingest evaluate --truth FILE [--run ID | --corpus DIR] [--misses FILE] [--json] [--set Key=Value]...

        Reads the run's documents, matches and anomalies from ClickHouse (the latest complete run
        unless --run names one), or with --corpus runs the reconcile pipeline in memory on a corpus
        (nothing written, ClickHouse not needed, same conclusions as a reconcile run), and compares
        them with the generator's truth: precision, recall and F1 of person, A1 and declaration
        matching, of every rule the truth models and of all injected anomalies together; of the
        documents invalidated in their current state (by an X008 or an A008 whole-period
        cancellation; from ClickHouse's current state, or the offline run's history); the false
        red-flag rate and the automation rate. With --corpus the run-level POST-02 audit of the
        declarations is scored too (its own row, not in the SED anomalies total). Malformed units
        are left out (they are counted by the quarantine). Fractions are between 0 and 1.

          --truth FILE   truth.jsonl written by ingest generate
          --run ID       run to score (default: the latest complete run). ClickHouse keeps one row per
                         document version (the latest write wins when parts merge): an earlier run
                         whose documents a later run wrote again is scored on what is left of it
          --corpus DIR   generator output folder (or SED paths, with --a1/--declarations) to run offline
          --a1 FILE      with --corpus: A1 certificates (default: DIR/reference/a1.jsonl)
          --declarations FILE  with --corpus: posting declarations (default: DIR/reference/declarations.jsonl)
          --misses FILE  write every disagreement as TSV (what, kind, case, document, version, SED type,
                         unit, expected, predicted) for diagnosis
          --json         one JSON object: {"person":{"precision","recall","f1"},"a1":{…},"declaration":{…},
                         "anomalies":{"precision","recall"},"invalidation":{…},"rules":{"<id>":{"precision","recall","support"}},
                         "falseRedFlagRate","automationRate",…}

        exit codes: 0 scored, 1 no such run, ClickHouse unreachable or the offline run failed, 64 bad arguments
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        var truthPath = args.Require("truth");
        if (!File.Exists(truthPath))
        {
            throw new CliUsageException($"no such file: {truthPath}");
        }
        if (args.GetAll("corpus") is { Count: > 0 } corpus)
        {
            if (args.Has("run"))
            {
                throw new CliUsageException("--run and --corpus exclude each other");
            }
            var offline = await RunOfflineAsync(args, corpus, cancellationToken).ConfigureAwait(false);
            return offline is null ? 1 : Report(args, truthPath, "offline", offline.Value.Predicted, offline.Value.Invalidated, offline.Value.Declarations);
        }
        var options = CliConfiguration.ClickHouse(CliConfiguration.Build(args));
        using var store = new ClickHouseStore(options);
        var db = options.Database;
        var run = args.Get("run");
        if (run is not null && !RunId().IsMatch(run))
        {
            throw new CliUsageException($"not a run id: '{run}'");
        }
        try
        {
            run ??= (await store.QueryTextAsync(
                $"SELECT run_id FROM {db}.runs FINAL WHERE status = 'complete' ORDER BY finished_at DESC LIMIT 1 FORMAT TSV", cancellationToken).ConfigureAwait(false)).Trim();
            if (run.Length == 0)
            {
                await Console.Error.WriteLineAsync("ingest evaluate: no complete run in ClickHouse").ConfigureAwait(false);
                return 1;
            }
            var predicted = await ReadRunAsync(store, db, run, cancellationToken).ConfigureAwait(false);
            if (predicted.Count == 0)
            {
                // The run id was checked to be one (RunId), so it is safe in the SQL.
                var known = await store.ScalarAsync($"SELECT count() FROM {db}.runs WHERE run_id = '{run}'", cancellationToken).ConfigureAwait(false) > 0;
                await Console.Error.WriteLineAsync(known ? $"ingest evaluate: run {run} has no documents" : $"ingest evaluate: no run {run} in ClickHouse").ConfigureAwait(false);
                return 1;
            }
            var invalidated = await ReadInvalidatedAsync(store, db, cancellationToken).ConfigureAwait(false);
            return Report(args, truthPath, run, predicted, invalidated);
        }
        catch (Exception e) when (ClickHouseFailure.Is(e, cancellationToken))
        {
            await Console.Error.WriteLineAsync($"ingest evaluate: {ClickHouseFailure.Describe(e)}").ConfigureAwait(false);
            return 1;
        }
    }

    private static int Report(CliArgs args, string truthPath, string run, IReadOnlyDictionary<(string, string, int), PredictedSed> predicted,
        IReadOnlySet<(string, string)> invalidated, DeclarationAuditResult? declarations = null)
    {
        StreamWriter? misses = args.Get("misses") is { } missesPath ? new StreamWriter(missesPath) : null;
        using (misses)
        {
            Action<ScoreMiss>? miss = misses is null ? null : m => misses.WriteLine(string.Join('\t', m.What, m.Kind, m.Truth.CaseId, m.Truth.DocumentId,
                m.Truth.Version.ToString(CultureInfo.InvariantCulture), m.Truth.SedType, m.Truth.Unit, m.Expected ?? "", m.Predicted ?? ""));
            var truth = TruthJsonl.Read(truthPath).ToList();
            var score = RunScorer.Score(truth, predicted, rule => RuleCatalogue.TryGet(rule, out var r) && r!.MaxSeverity >= Severity.Red, miss);
            RunScorer.ScoreInvalidations(score, truth, invalidated, miss);
            if (declarations is { } audit)
            {
                RunScorer.ScoreDeclarations(score, DeclarationTruth.Uncovered(truth, audit.Register, audit.A1s, audit.GraceDays), audit.Flagged, miss);
            }
            if (args.Has("json"))
            {
                Console.WriteLine(Json(run, score));
            }
            else
            {
                PrintTable(run, score);
            }
        }
        return 0;
    }

    /// <summary>The declarations register, the grace delay and the declarations the run's POST-02 audit flagged.</summary>
    private sealed record DeclarationAuditResult(IReadOnlyList<Core.Reference.PostingDeclaration> Register, IReadOnlyList<Core.Reference.A1Certificate> A1s,
        int GraceDays, IReadOnlySet<string> Flagged);

    /// <summary>
    /// The reconcile pipeline (same parser, evaluator and source order) with a sink that keeps the
    /// conclusions in memory, then the run-level POST-02 audit of the declarations.
    /// </summary>
    private static async Task<(Dictionary<(string, string, int), PredictedSed> Predicted, IReadOnlySet<(string, string)> Invalidated, DeclarationAuditResult Declarations)?> RunOfflineAsync(
        CliArgs args, IReadOnlyList<string> inputs, CancellationToken ct)
    {
        var layout = CorpusLayout.Resolve(inputs, args.Get("a1"), args.Get("declarations"));
        ReferenceFiles.RequireExisting(layout.A1Path, layout.DeclarationsPath);
        foreach (var path in layout.SedPaths)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new CliUsageException($"no such file or folder: {path}");
            }
        }
        var pipelineOptions = CliConfiguration.Pipeline(CliConfiguration.Build(args));
        var (a1s, register) = Engine.LoadReferenceRecords(layout.A1Path, layout.DeclarationsPath);
        var snapshot = ReferenceSnapshot.Build(a1s, register);
        var sink = new PredictionSink();
        var evaluator = Engine.CreateEvaluator(new ReferenceSnapshotHolder(snapshot));
        var run = new RunRecord { RunId = RunRecord.NewId("evaluate"), Kind = "evaluate", Input = string.Join(" ", layout.SedPaths) };
        var limits = CliConfiguration.Parser(CliConfiguration.Build(args));
        await RunDriver.RunAsync(run, UnitSources.For(layout.SedPaths, limits.ToSourceOptions()), Engine.CreateParser(limits.ToParserOptions()), evaluator, sink, pipelineOptions, null, ct).ConfigureAwait(false);
        if (run.Status is not ("complete" or "dry-run"))
        {
            await Console.Error.WriteLineAsync($"ingest evaluate: the offline run {run.Status}: {run.Error}").ConfigureAwait(false);
            return null;
        }
        var flagged = evaluator.AuditDeclarations().Select(f => f.DeclarationId).ToHashSet(StringComparer.Ordinal);
        return (sink.Predicted, evaluator.InvalidatedDocuments(), new DeclarationAuditResult(register, a1s, EvaluatorOptions.Default.DeclarationGraceDays, flagged));
    }

    private static async Task<Dictionary<(string, string, int), PredictedSed>> ReadRunAsync(ClickHouseStore store, string db, string run, CancellationToken ct)
    {
        var seds = new Dictionary<(string, string, int), PredictedSed>();
        await foreach (var line in store.QueryLinesAsync(
            $"SELECT case_id, document_id, version, max(red_flag) FROM {db}.sed_documents WHERE run_id = '{run}' GROUP BY case_id, document_id, version FORMAT TSV", ct).ConfigureAwait(false))
        {
            var f = line.Split('\t');
            var key = (f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture));
            seds[key] = new PredictedSed(f[0], f[1], key.Item3) { RedFlag = f[3] == "1" };
        }
        await foreach (var line in store.QueryLinesAsync(
            $"SELECT case_id, document_id, version, target, any(target_id) FROM {db}.match_results WHERE run_id = '{run}' AND target_id != '' AND status IN ('conform', 'conflict', 'review') GROUP BY case_id, document_id, version, target FORMAT TSV", ct).ConfigureAwait(false))
        {
            var f = line.Split('\t');
            if (seds.TryGetValue((f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture)), out var p))
            {
                seds[(p.CaseId, p.DocumentId, p.Version)] = f[3] == "a1" ? p with { A1 = f[4] } : p with { Declaration = f[4] };
            }
        }
        await foreach (var line in store.QueryLinesAsync(
            $"SELECT DISTINCT case_id, document_id, version, rule_id FROM {db}.anomalies WHERE run_id = '{run}' FORMAT TSV", ct).ConfigureAwait(false))
        {
            var f = line.Split('\t');
            if (seds.TryGetValue((f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture)), out var p))
            {
                p.Rules.Add(f[3]);
            }
        }
        return seds;
    }

    /// <summary>The documents whose current state (every run's SEDs together) says invalidated: what sed_current joins.</summary>
    private static async Task<HashSet<(string, string)>> ReadInvalidatedAsync(ClickHouseStore store, string db, CancellationToken ct)
    {
        var documents = new HashSet<(string, string)>();
        await foreach (var line in store.QueryLinesAsync($"SELECT case_id, document_id FROM {db}.document_invalidity WHERE invalidations > 0 FORMAT TSV", ct).ConfigureAwait(false))
        {
            var f = line.Split('\t');
            documents.Add((f[0], f[1]));
        }
        return documents;
    }

    private static string Json(string run, RunScore s)
    {
        static Dictionary<string, object> Measures(PrecisionRecall m) => new()
        {
            ["precision"] = m.Precision, ["recall"] = m.Recall, ["f1"] = m.F1, ["support"] = m.Support,
            ["truePositives"] = m.TruePositives, ["falsePositives"] = m.FalsePositives, ["falseNegatives"] = m.FalseNegatives,
        };
        var rules = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (id, m) in s.Rules)
        {
            rules[id] = Measures(m);
        }
        var document = new Dictionary<string, object?>
        {
            ["run"] = run,
            ["evaluated"] = s.Evaluated,
            ["missingFromRun"] = s.MissingFromRun,
            ["person"] = Measures(s.Person),
            ["a1"] = Measures(s.A1),
            ["declaration"] = Measures(s.Declaration),
            ["anomalies"] = Measures(s.Anomalies),
            ["invalidation"] = s.Invalidation is { } invalidation ? Measures(invalidation) : null,
            ["rules"] = rules,
            ["redFlags"] = s.RedFlags,
            ["falseRedFlags"] = s.FalseRedFlags,
            ["falseRedFlagRate"] = s.FalseRedFlagRate,
            ["automationRate"] = s.AutomationRate,
        };
        return JsonSerializer.Serialize(document);
    }

    private static void PrintTable(string run, RunScore s)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"run {run}: {s.Evaluated:N0} SEDs scored ({s.MissingFromRun:N0} absent from the run)");
        Console.WriteLine();
        Console.WriteLine($"{"",-14} {"precision",10} {"recall",10} {"F1",8} {"support",9}");
        void Row(string name, PrecisionRecall m) =>
            Console.WriteLine(string.Create(c, $"{name,-14} {m.Precision,10:P2} {m.Recall,10:P2} {m.F1,8:F4} {m.Support,9:N0}"));
        Row("person", s.Person);
        Row("A1", s.A1);
        Row("declaration", s.Declaration);
        Row("anomalies", s.Anomalies);
        if (s.Invalidation is { } invalidation)
        {
            Row("invalidated", invalidation);
        }
        Console.WriteLine();
        foreach (var (id, m) in s.Rules)
        {
            Row(id, m);
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"red flags {s.RedFlags:N0}, false {s.FalseRedFlags:N0} (rate {s.FalseRedFlagRate:P2}); automation rate {s.AutomationRate:P1}"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex RunId();
}
