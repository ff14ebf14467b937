using Ingest.Generator.Truth;

namespace Ingest.Generator.Evaluation;

/// <summary>
/// Scores a run against truth.jsonl. Each SED identity (case, document, version) counts once;
/// malformed units are left out (they are scored by the quarantine, not by matching).
/// Person: the person behind the A1 or declaration the engine chose (known from the truth's own
/// expectations) must be the SED's true person. Rules: per rule over the rules the truth models,
/// so a rule the generator cannot express is not counted as noise. A red flag is false when the
/// truth expects no rule of RED severity on that SED.
/// </summary>
public static class RunScorer
{
    /// <param name="misses">Told of every disagreement (false positive or negative), for a diagnosis file.</param>
    public static RunScore Score(IEnumerable<TruthRecord> truth, IReadOnlyDictionary<(string, string, int), PredictedSed> predicted, Func<string, bool> isRedRule,
        Action<ScoreMiss>? misses = null)
    {
        var records = new Dictionary<(string, string, int), TruthRecord>();
        var personOfA1 = new Dictionary<string, string>(StringComparer.Ordinal);
        var personOfDeclaration = new Dictionary<string, string>(StringComparer.Ordinal);
        var modelledRules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in truth)
        {
            if (t.Malformed)
            {
                continue;
            }
            records[(t.CaseId, t.DocumentId, t.Version)] = t;
            if (t.TruePersonId is { } person)
            {
                if (t.ExpectedA1 is { } a1)
                {
                    personOfA1[a1] = person;
                }
                if (t.ExpectedDeclaration is { } d)
                {
                    personOfDeclaration[d] = person;
                }
            }
            modelledRules.UnionWith(t.Rules);
            modelledRules.UnionWith(t.NearMisses);
        }

        var score = new RunScore();
        foreach (var rule in modelledRules)
        {
            score.Rules[rule] = new PrecisionRecall();
        }
        foreach (var (key, t) in records)
        {
            if (!predicted.TryGetValue(key, out var p))
            {
                score.MissingFromRun++;
                p = new PredictedSed(t.CaseId, t.DocumentId, t.Version);
            }
            score.Evaluated++;
            score.A1.Add(t.ExpectedA1, p.A1);
            score.Declaration.Add(t.ExpectedDeclaration, p.Declaration);
            Report(misses, "a1", t, t.ExpectedA1, p.A1);
            Report(misses, "declaration", t, t.ExpectedDeclaration, p.Declaration);
            var expectedPerson = t.ExpectedA1 is not null || t.ExpectedDeclaration is not null ? t.TruePersonId : null;
            var predictedPerson = PersonOf(p.A1, personOfA1) ?? PersonOf(p.Declaration, personOfDeclaration);
            if (predictedPerson is null && (p.A1 is not null || p.Declaration is not null))
            {
                predictedPerson = "(a target of no known person)";
            }
            score.Person.Add(expectedPerson, predictedPerson);
            Report(misses, "person", t, expectedPerson, predictedPerson);

            var expectedRed = false;
            foreach (var (rule, counts) in score.Rules)
            {
                var expected = t.Rules.Contains(rule);
                var fired = p.Rules.Contains(rule);
                counts.Add(expected, fired);
                if (expected != fired)
                {
                    misses?.Invoke(new ScoreMiss(rule, expected ? "missed" : "false", t, null, null));
                }
                score.Anomalies.Add(expected, fired);
                expectedRed |= expected && isRedRule(rule);
            }
            if (p.RedFlag)
            {
                score.RedFlags++;
                foreach (var rule in t.Rules)
                {
                    expectedRed |= isRedRule(rule);
                }
                if (!expectedRed)
                {
                    score.FalseRedFlags++;
                    misses?.Invoke(new ScoreMiss("red-flag", "false", t, null, string.Join(',', p.Rules.Where(isRedRule).Order(StringComparer.Ordinal))));
                }
            }
        }
        return score;
    }

    /// <summary>
    /// Adds POST-02, a rule about declarations rather than SEDs, as its own row (not in the SED
    /// anomalies total): expected from <see cref="DeclarationTruth"/>, predicted by the run's audit.
    /// </summary>
    public static void ScoreDeclarations(RunScore score, IReadOnlySet<string> expected, IReadOnlySet<string> predicted, Action<ScoreMiss>? misses = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var counts = new PrecisionRecall();
        foreach (var id in expected.Union(predicted).Order(StringComparer.Ordinal))
        {
            var e = expected.Contains(id);
            var p = predicted.Contains(id);
            counts.Add(e, p);
            if (e != p && misses is not null)
            {
                misses(new ScoreMiss("POST-02", e ? "missed" : "false", new TruthRecord
                {
                    Unit = "reference/declarations.jsonl#" + id, File = "", Day = "", CaseId = "", DocumentId = id, Version = 0,
                    SedType = "declaration", CdmVersion = "", ReceivedAt = "",
                }, null, null));
            }
        }
        score.Rules["POST-02"] = counts;
    }

    /// <summary>
    /// Scores the current state's invalidations per document: the truth's document is invalid when
    /// one of its scored SEDs is (an X008 names one version's issue date; an A008 cancellation voids
    /// the case's decisions), the run's when <paramref name="invalidated"/> holds it.
    /// </summary>
    public static void ScoreInvalidations(RunScore score, IEnumerable<TruthRecord> truth, IReadOnlySet<(string Case, string Document)> invalidated,
        Action<ScoreMiss>? misses = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(invalidated);
        var documents = new Dictionary<(string, string), (TruthRecord First, bool Invalid)>();
        foreach (var t in truth)
        {
            if (t.Malformed)
            {
                continue;
            }
            var key = (t.CaseId, t.DocumentId);
            documents[key] = documents.TryGetValue(key, out var d) ? (d.First, d.Invalid || t.Invalidated) : (t, t.Invalidated);
        }
        var counts = new PrecisionRecall();
        foreach (var (key, (first, expected)) in documents)
        {
            var predicted = invalidated.Contains(key);
            counts.Add(expected, predicted);
            if (expected != predicted)
            {
                misses?.Invoke(new ScoreMiss("invalidation", expected ? "missed" : "false", first, null, null));
            }
        }
        score.Invalidation = counts;
    }

    private static void Report(Action<ScoreMiss>? misses, string what, TruthRecord t, string? expected, string? predicted)
    {
        if (misses is not null && !string.Equals(expected, predicted, StringComparison.Ordinal))
        {
            misses(new ScoreMiss(what, predicted is null ? "missed" : "false", t, expected, predicted));
        }
    }

    private static string? PersonOf(string? target, Dictionary<string, string> persons) =>
        target is not null && persons.TryGetValue(target, out var person) ? person : null;
}
