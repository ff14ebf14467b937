using System.Runtime.InteropServices;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Linking;

/// <summary>
/// The per-run memory of evaluated SEDs: by (case, document, version) for idempotence, by case for
/// X008 targets and closures, by document for versions and amendments, by person for chained
/// postings and conflicts. One lock guards it: each SED takes it a few times for microseconds, and
/// views handed out are copies, so rules never see an entry change under them. X008s whose target
/// has not arrived yet are kept pending and applied when it does (late parents).
/// </summary>
/// <remarks>
/// The SEDs are stored in <see cref="HistoryGeneration"/>s, which hold no object per SED. A nightly
/// run keeps one for the whole run. A bounded history (the stream worker's, which runs for months)
/// keeps two, each of half the bound: when the newer one is full, the older one is dropped whole
/// and a new one started. It therefore remembers the latest SEDs, never more than the bound and
/// never fewer than half of it, and forgetting costs nothing a SED (forgetting them one by one
/// meant unlinking each and, without objects, compacting the tables every so often: a stall of
/// seconds at a bound of 1.5 million).
/// </remarks>
internal sealed class RunHistory
{
    private readonly Lock _lock = new();
    private readonly int _generationSize;
    private readonly Dictionary<string, List<(string Type, DateOnly Date)>> _pendingInvalidations = new(StringComparer.Ordinal);
    // A008 whole-period cancellations by case (period null: the whole case) with the A008's issue date,
    // applied to the case's decisions that arrive after them too (late parents), as long as the case
    // is remembered; an X008 naming the A008 takes its cancellation back.
    private readonly Dictionary<string, List<Cancellation>> _cancellations = new(StringComparer.Ordinal);
    private HistoryGeneration? _older;
    private HistoryGeneration _newer;

    [ThreadStatic]
    private static List<int>? t_found;

    [ThreadStatic]
    private static List<HistoryView>? t_views;

    private static readonly HistoryView[] s_none = [];

    public RunHistory(int maxEntries = int.MaxValue, int expectedEntries = 0)
    {
        // Halves rounded up: an older generation full and a newer one short of full never pass the bound.
        _generationSize = maxEntries == int.MaxValue ? int.MaxValue : (int)((Math.Max(1L, maxEntries) + 1) / 2);
        _newer = NewGeneration(expectedEntries);
    }

    public int Count => (_older?.Count ?? 0) + _newer.Count;

    // A count inflated by units that are not SEDs must not reserve gigabytes before the first one:
    // past this the tables grow as they need.
    private const int MaxPresized = 1 << 22;

    private HistoryGeneration NewGeneration(int expectedEntries) =>
        new(Math.Clamp(Math.Min(expectedEntries, _generationSize), 0, MaxPresized));

    /// <summary>True when (case, document, version) was already evaluated in this run (STR-08).</summary>
    public bool IsDuplicate(string caseId, string documentId, int version) => DeliveryOf(caseId, documentId, version, 0) != Delivery.First;

    /// <summary>Whether (case, document, version) was evaluated in this run, and from the unit of hash <paramref name="unit"/> or another.</summary>
    public Delivery DeliveryOf(string caseId, string documentId, int version, int unit)
    {
        lock (_lock)
        {
            return Seen(caseId, documentId, version, unit);
        }
    }

    // Under the lock.
    private Delivery Seen(string caseId, string documentId, int version, int unit = 0)
    {
        var delivery = _newer.DeliveryOf(caseId, documentId, version, unit);
        return delivery == Delivery.First && _older is { } older ? older.DeliveryOf(caseId, documentId, version, unit) : delivery;
    }

    public HistoryView[] Case(string caseId)
    {
        lock (_lock)
        {
            var views = Views();
            _older?.Case(caseId, views);
            _newer.Case(caseId, views);
            return Handed(views);
        }
    }

    /// <summary>
    /// Entries of the person under any of its keys: the SED's own key, the matched reference person's,
    /// and the name + birth date (which links a SED without a PIN to one with). An entry found by name
    /// only is another person when it carries a PIN of the same country that differs.
    /// </summary>
    public HistoryView[] Person(string personKey, string referencePersonKey, ulong nameKey, ulong nationalNameKey, string[] pinKeys)
    {
        lock (_lock)
        {
            var views = Views();
            var found = t_found ??= new List<int>(8);
            _older?.Person(personKey, referencePersonKey, nameKey, nationalNameKey, pinKeys, found, views);
            _newer.Person(personKey, referencePersonKey, nameKey, nationalNameKey, pinKeys, found, views);
            return Handed(views);
        }
    }

    /// <summary>The views as an array; the thread's list lets go of them (a view holds its generation's texts, which a turn may drop).</summary>
    private static HistoryView[] Handed(List<HistoryView> views)
    {
        if (views.Count == 0)
        {
            return s_none;
        }
        HistoryView[] handed = [.. views];
        views.Clear();
        return handed;
    }

    private static List<HistoryView> Views()
    {
        var views = t_views ??= new List<HistoryView>(8);
        views.Clear();
        return views;
    }

    /// <summary>Records an evaluated SED; returns false (and records nothing) for a duplicate version.</summary>
    public bool Register(in HistoryEntry entry)
    {
        lock (_lock)
        {
            if (Seen(entry.CaseId, entry.DocumentId, entry.Version) != Delivery.First)
            {
                return false;
            }
            var flags = (entry.IsAmendment ? HistoryFlags.Amendment : 0)
                | (entry.WholePeriodCancelled ? HistoryFlags.WholePeriodCancelled : 0)
                | (entry.HadConflict ? HistoryFlags.HadConflict : 0)
                | (entry.ReliedUpon ? HistoryFlags.ReliedUpon : 0)
                | (entry.IsDecision ? HistoryFlags.Decision : 0);
            if (entry.IsDecision && IsCase(entry.CaseId))
            {
                var issueDay = entry.IssueDate?.DayNumber ?? -1;
                var superseded = _older?.Supersede(entry.CaseId, entry.SedType, entry.DocumentId, entry.Version, entry.IsAmendment, issueDay) ?? false;
                superseded |= _newer.Supersede(entry.CaseId, entry.SedType, entry.DocumentId, entry.Version, entry.IsAmendment, issueDay);
                flags |= superseded ? HistoryFlags.Superseded : 0;
            }
            if (_pendingInvalidations.Count > 0 && _pendingInvalidations.TryGetValue(entry.CaseId, out var pending) && entry.IssueDate is { } issued)
            {
                foreach (var (type, date) in pending)
                {
                    if (type == entry.SedType && date == issued)
                    {
                        flags |= HistoryFlags.Invalidated;
                    }
                }
            }
            if (_cancellations.Count > 0 && entry.IsDecision && _cancellations.TryGetValue(entry.CaseId, out var cancellations))
            {
                foreach (var cancelled in cancellations)
                {
                    if (HistoryGeneration.Cancels(cancelled.Period, true, entry.Period))
                    {
                        flags |= HistoryFlags.Cancelled;
                    }
                }
            }
            _newer.Add(in entry, flags);
            if (_newer.Count >= _generationSize)
            {
                Turn();
            }
            return true;
        }
    }

    /// <summary>The newer generation, full, becomes the older one; the older one is forgotten.</summary>
    private void Turn()
    {
        _older = _newer;
        _newer = NewGeneration(_generationSize);
        // An X008 waiting for a target, or a cancellation, whose case was forgotten waits no more.
        ForgetCases(_pendingInvalidations, _older);
        ForgetCases(_cancellations, _older);
    }

    private static void ForgetCases<T>(Dictionary<string, T> byCase, HistoryGeneration remembered)
    {
        if (byCase.Count == 0)
        {
            return;
        }
        foreach (var caseId in byCase.Keys.ToList())
        {
            if (!remembered.HasCase(caseId))
            {
                byCase.Remove(caseId);
            }
        }
    }

    /// <summary>
    /// Resolves an X008 target (SED type + issue date) in the case and marks it invalid. With several
    /// documents of that type and date the invalidation is ambiguous and marks all; with none it
    /// waits for the target to arrive.
    /// </summary>
    public InvalidationOutcome Invalidate(string caseId, string targetType, DateOnly targetDate)
    {
        lock (_lock)
        {
            var documents = new List<string>(1);
            var (resolved, relied) = _older?.Invalidate(caseId, targetType, targetDate, documents) ?? default;
            var (newer, newerRelied) = _newer.Invalidate(caseId, targetType, targetDate, documents);
            resolved += newer;
            relied |= newerRelied;
            if (targetType == "A008")
            {
                Uncancel(caseId, targetDate);
            }
            if (resolved == 0 && IsCase(caseId))
            {
                ref var pending = ref CollectionsMarshal.GetValueRefOrAddDefault(_pendingInvalidations, caseId, out _);
                pending ??= [];
                // A redelivered X008 waits once.
                if (!pending.Contains((targetType, targetDate)))
                {
                    pending.Add((targetType, targetDate));
                }
            }
            var ambiguous = documents.Exists(d => d != documents[0]);
            return new InvalidationOutcome(resolved, ambiguous, relied, documents.Count == 0 ? null : documents[^1]);
        }
    }

    /// <summary>
    /// An A008 whole-period cancellation issued on <paramref name="issued"/>: marks the case's decisions
    /// overlapping <paramref name="period"/> (null: all of them, the cancellation restating no period) as
    /// invalid, now and as they arrive, unless an X008 of the case named that A008 already.
    /// </summary>
    public void CancelPeriod(string caseId, Period? period, DateOnly? issued)
    {
        if (!IsCase(caseId))
        {
            return;
        }
        lock (_lock)
        {
            if (issued is { } day && ((_older?.HasInvalidated(caseId, "A008", day) ?? false) || _newer.HasInvalidated(caseId, "A008", day)))
            {
                // Voided already: an X008 came first (registering the A008 applied it) or since (a replay).
                return;
            }
            _older?.CancelPeriod(caseId, period);
            _newer.CancelPeriod(caseId, period);
            ref var cancellations = ref CollectionsMarshal.GetValueRefOrAddDefault(_cancellations, caseId, out _);
            (cancellations ??= []).Add(new Cancellation(issued, period));
        }
    }

    /// <summary>
    /// An X008 voids the case's A008s of that issue date: their cancellations no longer hold, so the
    /// case's decisions are valid again unless another cancellation or an X008 of their own voids them.
    /// </summary>
    private void Uncancel(string caseId, DateOnly issued)
    {
        if (!_cancellations.TryGetValue(caseId, out var cancellations) || cancellations.RemoveAll(c => c.Issued == issued) == 0)
        {
            return;
        }
        _older?.Uncancel(caseId);
        _newer.Uncancel(caseId);
        foreach (var c in cancellations)
        {
            _older?.CancelPeriod(caseId, c.Period);
            _newer.CancelPeriod(caseId, c.Period);
        }
    }

    private readonly record struct Cancellation(DateOnly? Issued, Period? Period);

    /// <summary>The documents (case, document id) with a version the history holds marked invalid: its view of their current state.</summary>
    public HashSet<(string Case, string Document)> InvalidatedDocuments()
    {
        lock (_lock)
        {
            var documents = new HashSet<(string, string)>();
            _older?.AddInvalidated(documents);
            _newer.AddInvalidated(documents);
            return documents;
        }
    }

    /// <summary>
    /// Whether the id names a case. SEDs without one (bare Kafka records without an eessi-case-id
    /// header) are not one big case: nothing links them through it, as for a person key naming nobody.
    /// </summary>
    internal static bool IsCase(string caseId) => !string.IsNullOrWhiteSpace(caseId);
}
