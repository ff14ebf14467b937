using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Linking;
using Ingest.Matching.Rules;
using Ingest.Matching.Scoring;
using Ingest.Normalization;
using Ingest.Normalization.Dates;

namespace Ingest.Matching;

/// <summary>
/// Normalises a SED, matches it against the current reference snapshot, runs the rule catalogue,
/// raises the red flag and remembers the SED for cross-SED rules. Thread-safe: matching reads an
/// immutable snapshot with per-thread scratch, and the run history is guarded by one short lock.
/// Cross-SED rules (chains, conflicts, X008, versions) see the SEDs evaluated before, so for
/// reproducible results feed one person's (and one case's) SEDs in order, e.g. partition parallel
/// callers by <see cref="SedEvaluation.PersonKey"/>.
/// </summary>
public sealed class SedEvaluator : ISedEvaluator
{
    private readonly ReferenceSnapshotHolder _snapshots;
    private readonly EvaluatorOptions _options;
    private readonly Matcher _matcher;
    private readonly RunHistory _history;
    private readonly IReadOnlyList<ControlRule> _rules;
    private readonly bool[] _readsHistory;
    private readonly ConcurrentDictionary<string, byte> _declarationsCovered;
    private int _latestReceived = -1;
    private int[] _sharedDeferred = [];

    /// <summary>Scratch of <see cref="PrepareCore"/>: the deferred rules of the SED being prepared on this thread.</summary>
    [ThreadStatic]
    private static List<int>? t_deferred;

    public SedEvaluator(ReferenceSnapshot snapshot, EvaluatorOptions? options = null)
        : this(new ReferenceSnapshotHolder(snapshot), options)
    {
    }

    public SedEvaluator(ReferenceSnapshotHolder snapshots, EvaluatorOptions? options = null, IReadOnlyList<ControlRule>? rules = null)
    {
        _snapshots = snapshots;
        _options = options ?? EvaluatorOptions.Default;
        _history = new RunHistory(_options.MaxHistoryEntries, _options.ExpectedSeds);
        // At most every declaration of the register is covered; sized once for a run that expects SEDs (see RunHistory).
        _declarationsCovered = new(Environment.ProcessorCount, _options.ExpectedSeds > 0 ? Math.Min(_options.ExpectedSeds, snapshots.Current.DeclarationCount) : 31, StringComparer.Ordinal);
        snapshots.Current.ReserveFindings(_options.ExpectedSeds);
        _matcher = new Matcher(_options);
        _rules = rules ?? RuleCatalogue.All;
        _readsHistory = new bool[_rules.Count];
    }

    public AutomationStats Stats { get; } = new();

    /// <summary>
    /// POST-02 over the run so far: active declarations whose posting started more than
    /// <see cref="EvaluatorOptions.DeclarationGraceDays"/> before the latest reception date seen, with
    /// neither an A009 of the run nor an A1 of the worker covering them. Call once the input is read.
    /// </summary>
    public IReadOnlyList<DeclarationFinding> AuditDeclarations()
    {
        var latest = Volatile.Read(ref _latestReceived);
        if (latest < 0)
        {
            return [];
        }
        var covered = new HashSet<string>(_declarationsCovered.Keys, StringComparer.Ordinal);
        return DeclarationAudit.Run(_snapshots.Current, covered, DateOnly.FromDayNumber(latest), _options.DeclarationGraceDays);
    }

    /// <summary>
    /// The documents (case, document id) the run's history holds as invalidated, by an X008 or an A008
    /// whole-period cancellation: what the current state says of them (ClickHouse's sed_current). A
    /// bounded history (the stream worker's) knows only the SEDs it still remembers.
    /// </summary>
    public IReadOnlySet<(string Case, string Document)> InvalidatedDocuments() => _history.InvalidatedDocuments();

    public SedEvaluation Evaluate(UnitId unit, SedRecord sed) => Complete(unit, sed, PrepareCore(sed));

    public object? Prepare(UnitId unit, SedRecord sed) => PrepareCore(sed);

    /// <summary>
    /// The keys the matcher looks the SED's candidates up by: its PINs, its name and name + birth-date
    /// blocking keys (with the day/month-swapped dates), and the whole-name keys of the records its
    /// PINs lead to in the current snapshot (through which the matcher also finds that person's records
    /// registered without a PIN). A reference update that touches none of them (<see cref="MatchKeySet.Touches"/>)
    /// cannot change the SED's matches.
    /// </summary>
    public SedMatchKeys MatchKeysOf(SedRecord sed)
    {
        ArgumentNullException.ThrowIfNull(sed);
        var person = SedFeatures.From(sed).Person;
        var keys = new List<ulong>(16);
        var swapped = new List<ulong>(8);
        BlockingKeys.Add(person, keys, swapped);
        keys.AddRange(swapped);
        var snapshot = _snapshots.Current;
        foreach (var pin in person.PinKeys)
        {
            var key = KeyHash.Of('P', pin);
            keys.Add(key);
            AddNameKeys(snapshot.A1ByPin.Lookup(key), snapshot.A1s, keys);
            AddNameKeys(snapshot.DeclarationByPin.Lookup(key), snapshot.Declarations, keys);
        }
        return new SedMatchKeys([.. keys.Distinct()]);

        static void AddNameKeys<T>(ReadOnlySpan<int> ids, T[] records, List<ulong> keys)
            where T : ReferenceRecord
        {
            foreach (var id in ids)
            {
                var name = records[id].Person.Name;
                if (!name.IsEmpty)
                {
                    keys.Add(KeyHash.Of('N', name.Key));
                }
            }
        }
    }

    /// <summary>The run history copies the strings it needs; no record is referred to once an evaluation is done.</summary>
    public bool KeepsRecords => false;

    /// <summary>
    /// Normalising, matching and every rule that reads no history: the bulk of the work, with no
    /// dependence on the SEDs before this one. A rule found reading the history is deferred to
    /// <see cref="Complete"/> from then on, so the split never changes a result.
    /// </summary>
    private PreparedSed PrepareCore(SedRecord sed)
    {
        ArgumentNullException.ThrowIfNull(sed);
        var snapshot = _snapshots.Current;
        var f = SedFeatures.From(sed);
        var a1 = _matcher.MatchA1(f, snapshot);
        var declaration = _matcher.MatchDeclaration(f, snapshot);
        var context = RuleContext.Pending(f, snapshot, _options, a1, declaration);
        var prepared = new PreparedSed(f, snapshot, a1, declaration, context);
        var deferred = t_deferred ??= new List<int>(32);
        deferred.Clear();
        for (var i = 0; i < _rules.Count; i++)
        {
            if (Volatile.Read(ref _readsHistory[i]))
            {
                deferred.Add(i);
                continue;
            }
            context.HistoryRead = false;
            var anomaly = _rules[i].Evaluate(context);
            if (context.HistoryRead)
            {
                Volatile.Write(ref _readsHistory[i], true);
                deferred.Add(i);
            }
            else if (anomaly is not null)
            {
                prepared.AddFound(i, anomaly);
            }
        }
        prepared.Deferred = SharedDeferred(deferred);
        return prepared;
    }

    /// <summary>
    /// The deferred rules as an array: the shared one when they are the same (every SED once the rules
    /// that read the history have shown themselves), else a new one, which becomes the shared one
    /// (the set only grows, so the latest is the likeliest next). Reused only when equal, so a race
    /// between threads costs an array, never a rule.
    /// </summary>
    private int[] SharedDeferred(List<int> deferred)
    {
        var shared = Volatile.Read(ref _sharedDeferred);
        if (CollectionsMarshal.AsSpan(deferred).SequenceEqual(shared))
        {
            return shared;
        }
        var own = deferred.ToArray();
        Volatile.Write(ref _sharedDeferred, own);
        return own;
    }

    /// <summary>In source order: history, the deferred cross-SED rules, matches finalised, red flag, then the SED is remembered.</summary>
    public SedEvaluation Complete(UnitId unit, SedRecord sed, object? prepared)
    {
        ArgumentNullException.ThrowIfNull(sed);
        var p = prepared as PreparedSed ?? PrepareCore(sed);
        if (!ReferenceEquals(p.Snapshot, _snapshots.Current)
            && (p.A1.Result.Status == MatchStatus.Unmatched || p.Declaration.Result.Status == MatchStatus.Unmatched))
        {
            // Prepared (in a parse worker) against a snapshot a reference update has replaced since: what it
            // did not find may be in the new one, and that update is past, so it would not bring this SED
            // back from the re-evaluation window. Matched again now (rare: only SEDs in flight at a swap).
            p = PrepareCore(sed);
        }
        var (f, snapshot, a1, declaration) = (p.Features, p.Snapshot, p.A1, p.Declaration);
        var env = sed.Envelope;
        var track = _options.TrackHistory;
        var delivery = track ? _history.DeliveryOf(env.CaseId, env.DocumentId, env.DocumentVersion, unit.GetHashCode()) : Delivery.First;
        var duplicate = delivery == Delivery.Duplicate;
        var referenceKey = ReferencePersonKey(a1, declaration);

        // A replay resolves its X008 again (marking the target twice changes nothing) so that the rules
        // reading the outcome conclude as they did; a second delivery by the sender is STR-08's alone.
        InvalidationOutcome? invalidation = null;
        if (track && !duplicate && f.SedType == "X008" && sed.Invalidation is { } inv && !string.IsNullOrWhiteSpace(inv.TargetSedType)
            && DateNormalizer.Parse(inv.TargetIssueDate) is { IsValid: true } target)
        {
            invalidation = _history.Invalidate(env.CaseId, inv.TargetSedType.Trim().ToUpperInvariant(), target.Value);
        }

        // A placeholder person ("Test Test", 1970-01-01) or a SED without name or PIN is nobody: it must not link unrelated SEDs.
        var linkable = !RuleFacts.IsPlaceholderName(f.Person.Name) && !PersonKeys.IsNameless(f.PersonKey);
        var (nameKey, nationalNameKey) = linkable ? NameKeys(f.Person) : default;
        var context = p.Context;
        var caseHistory = track ? _history.Case(env.CaseId) : [];
        var personHistory = track && linkable ? _history.Person(f.PersonKey, referenceKey, nameKey, nationalNameKey, f.Person.PinKeys) : [];
        if (delivery == Delivery.Replay)
        {
            // The history holds this SED since its first evaluation, which did not see itself.
            (caseHistory, personHistory) = (WithoutVersion(caseHistory, env), WithoutVersion(personHistory, env));
        }
        context.OpenHistory(caseHistory, personHistory, duplicate, invalidation);

        var result = new SedEvaluation(unit, sed) { PersonKey = f.PersonKey };
        // Findings in catalogue order, whichever phase produced them.
        var found = 0;
        var early = p.Found is null ? default : CollectionsMarshal.AsSpan(p.Found);
        foreach (var i in p.Deferred)
        {
            for (; found < early.Length && early[found].Rule < i; found++)
            {
                result.Anomalies.Add(early[found].Anomaly);
            }
            if (_rules[i].Evaluate(context) is { } anomaly)
            {
                result.Anomalies.Add(anomaly);
            }
        }
        for (; found < early.Length; found++)
        {
            result.Anomalies.Add(early[found].Anomaly);
        }
        context.CloseHistory();

        var red = result.RedFlag;
        if (_options.ReportedMatchTypes.Contains(f.SedType))
        {
            result.Matches.Add(Finalise(a1.Result, red, Fired(result, "LEG-01") ? "legislation-state-differs" : null));
            result.Matches.Add(Finalise(declaration.Result, red, Fired(result, "POST-03") ? "declared-outside-period" : Fired(result, "POST-04") ? "employer-differs" : null));
        }
        if (red)
        {
            result.ReviewEntry = ReviewEntry(unit, f, result);
        }
        Stats.Count(red);
        NoteCover(f, declaration);

        if (track && delivery == Delivery.First)
        {
            Remember(f, result, a1, declaration, linkable ? referenceKey : "", linkable ? f.PersonKey : "", (nameKey, nationalNameKey), unit);
        }
        return result;
    }

    private static HistoryView[] WithoutVersion(HistoryView[] views, CaseEnvelope env) =>
        Array.FindAll(views, v => v.Version != env.DocumentVersion || v.DocumentId != env.DocumentId);

    /// <summary>What POST-02 needs from each SED: the declarations an A009 covers, and how far the run has read.</summary>
    private void NoteCover(SedFeatures f, TargetMatch<IndexedDeclaration> declaration)
    {
        if (f.Received.AsNullable is { } received)
        {
            var day = received.DayNumber;
            for (var seen = Volatile.Read(ref _latestReceived); day > seen; seen = Volatile.Read(ref _latestReceived))
            {
                if (Interlocked.CompareExchange(ref _latestReceived, day, seen) == seen)
                {
                    break;
                }
            }
        }
        if (f.SedType != "A009" || !declaration.PersonAccepted || f.Period is not { } p)
        {
            return;
        }
        var period = p.Repaired;
        // By index: the records are a read-only list, whose enumerator would be an object a SED.
        var records = declaration.PersonRecords;
        for (var i = 0; i < records.Count; i++)
        {
            var d = records[i];
            if (d.Period is { } dp && dp.Repaired.Overlaps(period))
            {
                _declarationsCovered.TryAdd(d.TargetId, 0);
            }
        }
    }

    private static bool Fired(SedEvaluation e, string ruleId)
    {
        foreach (var a in e.Anomalies)
        {
            if (a.RuleId == ruleId)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A conflict found by a rule turns a conform match into a conflict; a red flag sends it to review.</summary>
    private static MatchResult Finalise(MatchResult match, bool red, string? conflict)
    {
        if (conflict is null && !red)
        {
            return match;
        }
        var reasons = new List<string>(match.Reasons.Count + 2);
        reasons.AddRange(match.Reasons);
        var status = match.Status;
        if (conflict is not null && status is MatchStatus.Conform or MatchStatus.Review)
        {
            status = MatchStatus.Conflict;
            reasons.Add(conflict);
        }
        if (red)
        {
            status = MatchStatus.Review;
            reasons.Add("red-flag");
        }
        return match with { Status = status, Reasons = reasons };
    }

    private static ReviewQueueEntry ReviewEntry(UnitId unit, SedFeatures f, SedEvaluation result)
    {
        var ids = new List<string>();
        var reasons = new List<string>(result.Anomalies.Count);
        // Most severe first, in rule order within a severity (a stable sort without LINQ's boxing and buffers).
        for (var level = (int)Severity.Block; level >= (int)Severity.Low; level--)
        {
            var severity = (Severity)level;
            foreach (var a in result.Anomalies)
            {
                if (a.Severity != severity)
                {
                    continue;
                }
                if (severity >= Severity.Red)
                {
                    ids.Add(a.RuleId);
                }
                reasons.Add(a.RuleId + SeverityTag(severity) + a.Reasons);
            }
        }
        var env = f.Sed.Envelope;
        return new ReviewQueueEntry
        {
            Unit = unit.ToString(),
            CaseId = env.CaseId,
            DocumentId = env.DocumentId,
            DocumentVersion = env.DocumentVersion,
            SedType = f.SedType,
            PersonKey = f.PersonKey,
            RedRuleIds = ids,
            Reasons = reasons,
        };
    }

    private static string SeverityTag(Severity severity) => severity switch
    {
        Severity.Block => " (BLOCK): ",
        Severity.Red => " (RED): ",
        Severity.Med => " (MED): ",
        _ => " (LOW): ",
    };

    private static string ReferencePersonKey(TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration)
    {
        // The reference person's identity links SEDs of one person that carry different PINs or none.
        var features = a1.PersonAccepted && a1.PersonRecords.Count > 0 ? a1.PersonRecords[0].Person
            : declaration.PersonAccepted && declaration.PersonRecords.Count > 0 ? declaration.PersonRecords[0].Person
            : null;
        return features is null ? "" : string.Create(18, ReferenceSnapshot.PersonHashOf(features), static (key, hash) =>
        {
            key[0] = 'R';
            key[1] = '|';
            hash.TryFormat(key[2..], out _, "x16", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Name + birth date hashes (the name's, its national romanisation's) that link the person's SEDs without a shared PIN; 0 when none.</summary>
    private static (ulong Name, ulong National) NameKeys(PersonFeatures p) =>
        p.Name.IsEmpty || p.BirthDay < 0 ? default
        : (KeyHash.Of('H', p.Name.Key, p.BirthDay), p.NationalName.IsEmpty ? 0 : KeyHash.Of('H', p.NationalName.Key, p.BirthDay));

    private void Remember(SedFeatures f, SedEvaluation result, TargetMatch<IndexedA1> a1, TargetMatch<IndexedDeclaration> declaration, string referenceKey, string personKey, (ulong Name, ulong National) nameKeys, UnitId unit)
    {
        var env = f.Sed.Envelope;
        var employer = RuleFacts.MainEmployer(f);
        var cancelled = f.Sed.CancelsWholePeriod;
        var entry = new HistoryEntry
        {
            CaseId = env.CaseId,
            DocumentId = env.DocumentId,
            Version = env.DocumentVersion,
            SedType = f.SedType,
            IssueDate = f.IssueDate,
            Period = f.Period,
            State = f.State,
            SenderCountry = f.SenderCountry,
            Article = f.Article,
            PersonKey = personKey,
            ReferencePersonKey = referenceKey,
            NameKey = nameKeys.Name,
            NationalNameKey = nameKeys.National,
            IsAmendment = RuleFacts.IsAmendment(f),
            EmployerKey = RuleFacts.MainEmployerKey(f),
            EmployerName = employer?.Name ?? Normalization.Names.NormalizedName.Empty,
            WorkCountries = f.WorkCountries,
            Name = f.Person.Name,
            BirthDay = f.Person.BirthDay,
            PinKeys = f.Person.PinKeys,
            Unit = unit.GetHashCode(),
            WholePeriodCancelled = cancelled,
            HadConflict = Fired(result, "LEG-01") || Fired(result, "LEG-02"),
            ReliedUpon = result.RedFlag || a1.Result.Status == MatchStatus.Conform || declaration.Result.Status == MatchStatus.Conform,
        };
        _history.Register(in entry);
        if (cancelled)
        {
            _history.CancelPeriod(env.CaseId, f.Period, f.IssueDate);
        }
    }
}
