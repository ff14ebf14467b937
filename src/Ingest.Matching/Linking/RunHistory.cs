using Ingest.Normalization.Dates;

namespace Ingest.Matching.Linking;

/// <summary>
/// The per-run memory of evaluated SEDs: by (case, document, version) for idempotence, by case for
/// X008 targets and closures, by document for versions and amendments, by person for chained
/// postings and conflicts. One lock guards it: each SED takes it a few times for microseconds, and
/// views handed out are copies, so rules never see a list change under them. X008s whose target
/// has not arrived yet are kept pending and applied when it does (late parents).
/// </summary>
internal sealed class RunHistory
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string Case, string Document, int Version)> _seen = [];
    private readonly Dictionary<string, List<HistoryEntry>> _byCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HistoryEntry>> _byPerson = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Type, DateOnly Date)>> _pendingInvalidations = new(StringComparer.Ordinal);

    private static readonly HistoryEntry[] s_none = [];

    public int Count { get; private set; }

    /// <summary>True when (case, document, version) was already evaluated in this run (STR-08).</summary>
    public bool IsDuplicate(string caseId, string documentId, int version)
    {
        lock (_lock)
        {
            return _seen.Contains((caseId, documentId, version));
        }
    }

    public HistoryEntry[] Case(string caseId)
    {
        lock (_lock)
        {
            return _byCase.TryGetValue(caseId, out var list) ? [.. list] : s_none;
        }
    }

    /// <summary>Entries of the person under either key (the SED's own key, or the matched reference person's).</summary>
    public HistoryEntry[] Person(string personKey, string referencePersonKey)
    {
        lock (_lock)
        {
            _byPerson.TryGetValue(personKey, out var a);
            List<HistoryEntry>? b = null;
            if (referencePersonKey.Length > 0 && referencePersonKey != personKey)
            {
                _byPerson.TryGetValue(referencePersonKey, out b);
            }
            if (b is null)
            {
                return a is null ? s_none : [.. a];
            }
            if (a is null)
            {
                return [.. b];
            }
            var set = new HashSet<HistoryEntry>(a);
            set.UnionWith(b);
            return [.. set];
        }
    }

    /// <summary>Records an evaluated SED; returns false (and records nothing) for a duplicate version.</summary>
    public bool Register(HistoryEntry entry)
    {
        lock (_lock)
        {
            if (!_seen.Add((entry.CaseId, entry.DocumentId, entry.Version)))
            {
                return false;
            }
            Count++;
            Add(_byCase, entry.CaseId, entry);
            Add(_byPerson, entry.PersonKey, entry);
            if (entry.ReferencePersonKey.Length > 0 && entry.ReferencePersonKey != entry.PersonKey)
            {
                Add(_byPerson, entry.ReferencePersonKey, entry);
            }
            if (_pendingInvalidations.TryGetValue(entry.CaseId, out var pending) && entry.IssueDate is { } issued)
            {
                foreach (var (type, date) in pending)
                {
                    if (type == entry.SedType && date == issued)
                    {
                        entry.Invalidated = true;
                    }
                }
            }
            return true;
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
            var resolved = 0;
            var relied = false;
            string? document = null;
            var documents = new HashSet<string>(StringComparer.Ordinal);
            if (_byCase.TryGetValue(caseId, out var list))
            {
                foreach (var e in list)
                {
                    if (e.SedType == targetType && e.IssueDate == targetDate)
                    {
                        e.Invalidated = true;
                        relied |= e.ReliedUpon;
                        resolved++;
                        document = e.DocumentId;
                        documents.Add(e.DocumentId);
                    }
                }
            }
            if (resolved == 0)
            {
                if (!_pendingInvalidations.TryGetValue(caseId, out var pending))
                {
                    _pendingInvalidations[caseId] = pending = [];
                }
                pending.Add((targetType, targetDate));
            }
            return new InvalidationOutcome(resolved, documents.Count > 1, relied, document);
        }
    }

    /// <summary>Marks the person's postings overlapping a cancelled period as invalid (A008 whole-period cancellation).</summary>
    public void CancelPeriod(string caseId, Period period)
    {
        lock (_lock)
        {
            if (_byCase.TryGetValue(caseId, out var list))
            {
                foreach (var e in list)
                {
                    if (e.Period is { } p && p.Overlaps(period) && e.SedType != "A008")
                    {
                        e.Invalidated = true;
                    }
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<HistoryEntry>> map, string key, HistoryEntry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<HistoryEntry>(2);
        }
        list.Add(entry);
    }
}
