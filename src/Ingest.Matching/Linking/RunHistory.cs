using System.Runtime.InteropServices;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Linking;

/// <summary>
/// The per-run memory of evaluated SEDs: by (case, document, version) for idempotence, by case for
/// X008 targets and closures, by document for versions and amendments, by person for chained
/// postings and conflicts. One lock guards it: each SED takes it a few times for microseconds, and
/// views handed out are copies, so rules never see a list change under them. X008s whose target
/// has not arrived yet are kept pending and applied when it does (late parents).
/// </summary>
internal sealed class RunHistory(int maxEntries = int.MaxValue, int expectedEntries = 0)
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string Case, string Document, int Version)> _seen = new(Expected(expectedEntries, maxEntries, 1.0));
    private readonly Dictionary<string, EntryGroup> _byCase = new(Expected(expectedEntries, maxEntries, 1.0), StringComparer.Ordinal);
    private readonly Dictionary<string, EntryGroup> _byPerson = new(Expected(expectedEntries, maxEntries, 1.5), StringComparer.Ordinal);
    private readonly Dictionary<ulong, EntryGroup> _byName = new(Expected(expectedEntries, maxEntries, 1.0));
    private readonly Dictionary<string, List<(string Type, DateOnly Date)>> _pendingInvalidations = new(StringComparer.Ordinal);

    // Employer keys recur across a run (one firm, many postings): the history keeps one string a key.
    private readonly Dictionary<string, string> _shared = new(Expected(expectedEntries, maxEntries, 1.0), StringComparer.Ordinal);

    // Employer names recur as employer keys do: one normalised name a run.
    private readonly Dictionary<string, NormalizedName> _employerNames = new(StringComparer.Ordinal);

    // Most SEDs name one work country, of a few dozen: one array a country.
    private readonly Dictionary<string, string[]> _workCountries = new(StringComparer.Ordinal);

    private static readonly HistoryEntry[] s_none = [];

    // Registration order, kept only when bounded: the oldest entry is the next to forget.
    private readonly Queue<HistoryEntry>? _order = maxEntries < int.MaxValue ? new() : null;

    public int Count { get; private set; }

    /// <summary>
    /// A table's starting size for the entries expected (at most the bound): a SED adds at most one
    /// case, one or two person keys and name keys, one employer key; a generated year has 0.78 cases,
    /// 1.17 person keys, 0.70 name keys and 0.65 employer keys a SED.
    /// </summary>
    private static int Expected(int expectedEntries, int maxEntries, double perEntry) =>
        (int)(Math.Clamp(Math.Min(expectedEntries, maxEntries), 0, MaxPresized) * perEntry);

    // A count inflated by units that are not SEDs must not reserve gigabytes before the first one:
    // past this the tables grow as they did (a run that large needs ~1 KB of history a SED anyway).
    private const int MaxPresized = 1 << 22;

    /// <summary>The run's one instance of a recurring value (an employer key).</summary>
    public string Shared(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }
        lock (_lock)
        {
            ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_shared, value, out _);
            return shared ??= value;
        }
    }

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
            return _byCase.TryGetValue(caseId, out var group) ? group.ToArray() : s_none;
        }
    }

    /// <summary>
    /// Entries of the person under any of its keys: the SED's own key, the matched reference person's,
    /// and the name + birth date (which links a SED without a PIN to one with). An entry found by name
    /// only is another person when it carries a PIN of the same country that differs.
    /// </summary>
    public HistoryEntry[] Person(string personKey, string referencePersonKey, ulong nameKey, ulong nationalNameKey, string[] pinKeys)
    {
        lock (_lock)
        {
            var found = t_found ??= new List<HistoryEntry>(8);
            found.Clear();
            if (_byPerson.TryGetValue(personKey, out var own))
            {
                foreach (var e in own)
                {
                    found.Add(e);
                }
            }
            if (referencePersonKey.Length > 0 && referencePersonKey != personKey && _byPerson.TryGetValue(referencePersonKey, out var reference))
            {
                AddNew(found, reference, null);
            }
            if (nameKey != 0 && _byName.TryGetValue(nameKey, out var named))
            {
                AddNew(found, named, pinKeys);
            }
            if (nationalNameKey != 0 && _byName.TryGetValue(nationalNameKey, out var national))
            {
                AddNew(found, national, pinKeys);
            }
            return found.Count == 0 ? s_none : [.. found];
        }
    }

    [ThreadStatic]
    private static List<HistoryEntry>? t_found;

    /// <summary>Adds entries not yet listed (lists are a few entries long); with <paramref name="pinKeys"/>, not another person's.</summary>
    private static void AddNew(List<HistoryEntry> found, EntryGroup more, string[]? pinKeys)
    {
        foreach (var e in more)
        {
            if (!found.Contains(e) && (pinKeys is null || !PinsConflict(pinKeys, e.PinKeys)))
            {
                found.Add(e);
            }
        }
    }

    private static bool PinsConflict(string[] mine, string[] theirs)
    {
        foreach (var p in mine)
        {
            foreach (var q in theirs)
            {
                if (p == q)
                {
                    return false;
                }
            }
        }
        foreach (var p in mine)
        {
            foreach (var q in theirs)
            {
                if (p.Length > 3 && q.Length > 3 && p.AsSpan(0, 3).SequenceEqual(q.AsSpan(0, 3)) && !Scoring.PinDistance.IsNear(p, q))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Records an evaluated SED; returns false (and records nothing) for a duplicate version.</summary>
    public bool Register(HistoryEntry entry)
    {
        lock (_lock)
        {
            var caseEntries = IsCase(entry.CaseId) && _byCase.TryGetValue(entry.CaseId, out var group) ? group : default;
            if (caseEntries.Count > 0)
            {
                // Before the duplicate set takes it: one case id string a case.
                entry.CaseId = caseEntries[0].CaseId;
            }
            if (!_seen.Add((entry.CaseId, entry.DocumentId, entry.Version)))
            {
                return false;
            }
            Count++;
            if (entry.IsDecision)
            {
                foreach (var other in caseEntries)
                {
                    if (other.SedType != entry.SedType)
                    {
                        continue;
                    }
                    if (Supersedes(other, entry))
                    {
                        entry.Superseded = true;
                    }
                    else if (Supersedes(entry, other))
                    {
                        other.Superseded = true;
                    }
                }
            }
            IndexShared(entry);
            if (_order is not null)
            {
                _order.Enqueue(entry);
                while (_order.Count > maxEntries)
                {
                    Forget(_order.Dequeue());
                }
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
            if (_byCase.TryGetValue(caseId, out var group))
            {
                foreach (var e in group)
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
            if (resolved == 0 && IsCase(caseId))
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
            if (_byCase.TryGetValue(caseId, out var group))
            {
                foreach (var e in group)
                {
                    if (e.Period is { } p && p.Overlaps(period) && e.SedType != "A008")
                    {
                        e.Invalidated = true;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the id names a case. SEDs without one (bare Kafka records without an eessi-case-id
    /// header) are not one big case: nothing links them through it, as for a person key naming nobody.
    /// </summary>
    private static bool IsCase(string caseId) => !string.IsNullOrWhiteSpace(caseId);

    /// <summary>A newer version of the same document, or an amending decision issued after the other.</summary>
    private static bool Supersedes(HistoryEntry newer, HistoryEntry older) =>
        newer.DocumentId == older.DocumentId
            ? newer.Version > older.Version
            : newer.IsAmendment && (!older.IsAmendment || newer.IssueDate > older.IssueDate);

    /// <summary>Removes an entry from every view (a later SED of the same version is then new again).</summary>
    private void Forget(HistoryEntry entry)
    {
        _seen.Remove((entry.CaseId, entry.DocumentId, entry.Version));
        Count--;
        Unindex(entry);
        if (!_byCase.ContainsKey(entry.CaseId))
        {
            _pendingInvalidations.Remove(entry.CaseId);
        }
    }

    /// <summary>
    /// Adds a new entry to every view it belongs to, and makes it share the values it has in common
    /// with the entries already under the same keys: the person keys, the name, the PINs, the
    /// employer name and a lone work country are then held once a person (or a run), not once a SED.
    /// A year's run keeps every entry to its end, and each one's own copies were most of the ~1 KB a
    /// SED that every young collection promoted and every full one marked.
    /// </summary>
    private void IndexShared(HistoryEntry entry)
    {
        if (IsCase(entry.CaseId))
        {
            Add(_byCase, entry.CaseId, entry);
        }
        if (entry.NameKey != 0 && Add(_byName, entry.NameKey, entry) is { } namesake && namesake.Name.Key == entry.Name.Key)
        {
            entry.Name = namesake.Name;
        }
        if (entry.NationalNameKey != 0)
        {
            Add(_byName, entry.NationalNameKey, entry);
        }
        if (entry.PersonKey.Length > 0 && Add(_byPerson, entry.PersonKey, entry) is { } same)
        {
            entry.PersonKey = same.PersonKey == entry.PersonKey ? same.PersonKey : same.ReferencePersonKey;
            if (same.Name.Key == entry.Name.Key)
            {
                entry.Name = same.Name;
            }
            if (entry.PinKeys.AsSpan().SequenceEqual(same.PinKeys))
            {
                entry.PinKeys = same.PinKeys;
            }
        }
        if (entry.ReferencePersonKey.Length > 0 && entry.ReferencePersonKey != entry.PersonKey && Add(_byPerson, entry.ReferencePersonKey, entry) is { } matched)
        {
            entry.ReferencePersonKey = matched.ReferencePersonKey == entry.ReferencePersonKey ? matched.ReferencePersonKey : matched.PersonKey;
        }
        // Not in a bounded history (the stream worker's, which runs for months): the table would only grow.
        if (!entry.EmployerName.IsEmpty && _order is null)
        {
            ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_employerNames, entry.EmployerName.Key, out _);
            entry.EmployerName = shared ??= entry.EmployerName;
        }
        if (entry.WorkCountries.Length == 1 && _order is null)
        {
            ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_workCountries, entry.WorkCountries[0], out _);
            entry.WorkCountries = shared ??= entry.WorkCountries;
        }
    }

    /// <summary>Removes the entry from every view it belongs to: its case, its name keys, its person keys.</summary>
    private void Unindex(HistoryEntry entry)
    {
        if (IsCase(entry.CaseId))
        {
            Remove(_byCase, entry.CaseId, entry);
        }
        if (entry.NameKey != 0)
        {
            Remove(_byName, entry.NameKey, entry);
        }
        if (entry.NationalNameKey != 0)
        {
            Remove(_byName, entry.NationalNameKey, entry);
        }
        if (entry.PersonKey.Length > 0)
        {
            Remove(_byPerson, entry.PersonKey, entry);
        }
        if (entry.ReferencePersonKey.Length > 0 && entry.ReferencePersonKey != entry.PersonKey)
        {
            Remove(_byPerson, entry.ReferencePersonKey, entry);
        }
    }

    private static void Remove<TKey>(Dictionary<TKey, EntryGroup> map, TKey key, HistoryEntry entry)
        where TKey : notnull
    {
        if (map.TryGetValue(key, out var group))
        {
            var rest = group.Without(entry);
            if (rest.Count == 0)
            {
                map.Remove(key);
            }
            else
            {
                map[key] = rest;
            }
        }
    }

    /// <summary>Appends the entry to the key's group; returns the group's first entry before it, if any.</summary>
    private static HistoryEntry? Add<TKey>(Dictionary<TKey, EntryGroup> map, TKey key, HistoryEntry entry)
        where TKey : notnull
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        var first = group.Count > 0 ? group[0] : null;
        group = group.With(entry);
        return first;
    }
}
