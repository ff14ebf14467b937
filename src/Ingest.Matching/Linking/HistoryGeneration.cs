using System.Runtime.InteropServices;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Linking;

/// <summary>
/// SED versions remembered by a run, stored without objects the garbage collector has to trace or
/// copy: records are plain structs in large arrays, texts ids of a <see cref="HistoryTexts"/>, and
/// each group (a case, a person key, a name key) a chain of sequence numbers through the records,
/// from the first arrival to the last. Append-only: <see cref="RunHistory"/> forgets a whole
/// generation at once. Not thread-safe; the history's lock guards it.
/// </summary>
/// <remarks>
/// A year's run keeps every SED to its end. Held as objects (an entry, its strings, the lists of
/// its groups) they were ~560 bytes a SED that every young collection copied and every full one
/// traced: a third of the run's time.
/// </remarks>
internal sealed class HistoryGeneration
{
    private const int ChunkShift = 14;
    private const int ChunkMask = (1 << ChunkShift) - 1;
    private const int None = -1;

    private readonly HistoryTexts _texts;
    private readonly List<HistoryRecord[]> _records = [];
    private readonly VersionSet _seen;
    // Cases and persons by the id of their text, names by their hash.
    private readonly Dictionary<ulong, Group> _byCase;
    private readonly Dictionary<ulong, Group> _byPerson;
    private readonly Dictionary<ulong, Group> _byName;

    /// <param name="expected">Records expected: the tables start at the size a generated year needs for them.</param>
    public HistoryGeneration(int expected)
    {
        // A generated year has ~6 distinct texts, 0.78 cases, 1.17 person keys and 0.70 name keys a SED.
        _texts = new HistoryTexts(expected * 6);
        _seen = new(expected);
        _byCase = new(expected);
        _byPerson = new(expected * 3 / 2);
        _byName = new(expected);
    }

    public int Count { get; private set; }

    /// <summary>Whether the version is held here, and how the unit <paramref name="unit"/> (a hash) brings it again.</summary>
    public Delivery DeliveryOf(string caseId, string documentId, int version, int unit) =>
        !_texts.TryFind(caseId, out var c) || !_texts.TryFind(documentId, out var d) || !_seen.TryGetUnit(c, d, version, out var first) ? Delivery.First
        : first == unit ? Delivery.Replay
        : Delivery.Duplicate;

    /// <summary>Adds views of the case's records, in arrival order.</summary>
    public void Case(string caseId, List<HistoryView> views)
    {
        if (!CaseGroup(caseId, out var group))
        {
            return;
        }
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            views.Add(new HistoryView(_texts, Record(s)));
        }
    }

    /// <summary>
    /// Adds views of the person's records under any of its keys, each once, in the order found: own
    /// key, reference person's key, name keys (skipping another person's, told by its PINs).
    /// </summary>
    public void Person(string personKey, string referencePersonKey, ulong nameKey, ulong nationalNameKey, string[] pinKeys, List<int> found, List<HistoryView> views)
    {
        found.Clear();
        if (personKey.Length > 0 && _texts.TryFind(personKey, out var own))
        {
            AddGroup(found, _byPerson, GroupKind.Person, (ulong)own, null);
        }
        if (referencePersonKey.Length > 0 && referencePersonKey != personKey && _texts.TryFind(referencePersonKey, out var reference))
        {
            AddGroup(found, _byPerson, GroupKind.Person, (ulong)reference, null);
        }
        if (nameKey != 0)
        {
            AddGroup(found, _byName, GroupKind.Name, nameKey, pinKeys);
        }
        if (nationalNameKey != 0)
        {
            AddGroup(found, _byName, GroupKind.Name, nationalNameKey, pinKeys);
        }
        foreach (var s in found)
        {
            views.Add(new HistoryView(_texts, Record(s)));
        }
    }

    /// <summary>
    /// Applies a decision that arrives (its case, type, document, version, whether it amends, its issue
    /// date) to the case's earlier decisions of its type: marks those it supersedes, and returns
    /// whether one of them supersedes it.
    /// </summary>
    public bool Supersede(string caseId, string sedType, string documentId, int version, bool amendment, int issueDay)
    {
        if (!CaseGroup(caseId, out var group) || !_texts.TryFind(sedType, out var type))
        {
            return false;
        }
        var known = _texts.TryFind(documentId, out var document);
        var superseded = false;
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            ref var other = ref Record(s);
            if (other.SedType != type)
            {
                continue;
            }
            var sameDocument = known && other.Document == document;
            var otherAmends = other.Has(HistoryFlags.Amendment);
            if (sameDocument ? other.Version > version : otherAmends && (!amendment || Later(other.IssueDay, issueDay)))
            {
                superseded = true;
            }
            else if (sameDocument ? version > other.Version : amendment && (!otherAmends || Later(issueDay, other.IssueDay)))
            {
                other.Flags |= HistoryFlags.Superseded;
            }
        }
        return superseded;
    }

    private static bool Later(int day, int than) => day >= 0 && than >= 0 && day > than;

    /// <summary>Marks the case's SEDs of the type issued that day as invalid; adds their documents, in arrival order.</summary>
    public (int Resolved, bool Relied) Invalidate(string caseId, string targetType, DateOnly targetDate, List<string> documents)
    {
        if (!CaseGroup(caseId, out var group) || !_texts.TryFind(targetType, out var type))
        {
            return default;
        }
        var (resolved, relied) = (0, false);
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            ref var e = ref Record(s);
            if (e.SedType == type && e.IssueDay == targetDate.DayNumber)
            {
                e.Flags |= HistoryFlags.Invalidated;
                relied |= e.Has(HistoryFlags.ReliedUpon);
                resolved++;
                documents.Add(_texts.Text(e.Document));
            }
        }
        return (resolved, relied);
    }

    /// <summary>
    /// Marks the case's decisions as invalid: those whose period overlaps <paramref name="period"/>, or
    /// all of them when it is null (an A008 cancelling the whole period without restating it).
    /// </summary>
    public void CancelPeriod(string caseId, Period? period)
    {
        if (!CaseGroup(caseId, out var group))
        {
            return;
        }
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            ref var e = ref Record(s);
            if (Cancels(period, e.Has(HistoryFlags.Decision), e.Period))
            {
                e.Flags |= HistoryFlags.Cancelled;
            }
        }
    }

    /// <summary>Whether the case holds a SED of the type and issue date that an X008 voided.</summary>
    public bool HasInvalidated(string caseId, string sedType, DateOnly issued)
    {
        if (!CaseGroup(caseId, out var group) || !_texts.TryFind(sedType, out var type))
        {
            return false;
        }
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            ref readonly var e = ref Record(s);
            if (e.SedType == type && e.IssueDay == issued.DayNumber && e.Has(HistoryFlags.Invalidated))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Clears the cancellations of the case's records (the caller applies those that still hold).</summary>
    public void Uncancel(string caseId)
    {
        if (!CaseGroup(caseId, out var group))
        {
            return;
        }
        for (var s = group.Head; s != None; s = Record(s).NextInCase)
        {
            Record(s).Flags &= ~HistoryFlags.Cancelled;
        }
    }

    /// <summary>Whether a cancellation of <paramref name="period"/> (null: the whole case) voids a SED.</summary>
    public static bool Cancels(Period? period, bool decision, Period? sedPeriod) =>
        decision && (period is not { } cancelled || (sedPeriod is { } p && p.Overlaps(cancelled)));

    /// <summary>Adds the (case, document) of every record marked invalid.</summary>
    public void AddInvalidated(HashSet<(string Case, string Document)> into)
    {
        for (var s = 0; s < Count; s++)
        {
            ref readonly var e = ref Record(s);
            if (e.Has(HistoryFlags.Invalidated | HistoryFlags.Cancelled))
            {
                into.Add((_texts.Text(e.Case), _texts.Text(e.Document)));
            }
        }
    }

    /// <summary>Whether the case has records here.</summary>
    public bool HasCase(string caseId) => CaseGroup(caseId, out _);

    /// <summary>Stores a SED version not seen before (the caller checked) and chains it into its groups.</summary>
    public void Add(in HistoryEntry entry, HistoryFlags flags)
    {
        if (Count == int.MaxValue)
        {
            throw new InvalidOperationException("The run's history holds int.MaxValue SEDs, its limit: split the input into several runs.");
        }
        var texts = _texts;
        Span<int> ids = stackalloc int[11];
        texts.InternAll(
            [entry.CaseId, entry.DocumentId, entry.SedType, entry.State, entry.SenderCountry, entry.Article,
             entry.PersonKey, entry.ReferencePersonKey, entry.EmployerKey, entry.EmployerName.Key, entry.Name.Key],
            ids);
        var record = new HistoryRecord
        {
            Case = ids[0],
            Document = ids[1],
            Version = entry.Version,
            SedType = ids[2],
            State = entry.State is null ? None : ids[3],
            SenderCountry = entry.SenderCountry is null ? None : ids[4],
            Article = ids[5],
            PersonKey = ids[6],
            ReferencePersonKey = ids[7],
            EmployerKey = ids[8],
            EmployerName = ids[9],
            Name = ids[10],
            WorkCountries = texts.InternList(entry.WorkCountries),
            PinKeys = texts.InternList(entry.PinKeys),
            IssueDay = entry.IssueDate?.DayNumber ?? None,
            PeriodStart = entry.Period?.Start.DayNumber ?? None,
            PeriodEnd = entry.Period?.End?.DayNumber ?? None,
            BirthDay = entry.BirthDay,
            NameKey = entry.NameKey,
            NationalNameKey = entry.NationalNameKey == entry.NameKey ? 0 : entry.NationalNameKey,
            Flags = flags,
            NextInCase = None,
            NextInPerson = None,
            NextInReference = None,
            NextInName = None,
            NextInNational = None,
        };
        _seen.Add(record.Case, record.Document, record.Version, entry.Unit);
        var s = Count++;
        if ((s & ChunkMask) == 0)
        {
            _records.Add(new HistoryRecord[1 << ChunkShift]);
        }
        Record(s) = record;
        if (RunHistory.IsCase(entry.CaseId))
        {
            Link(_byCase, GroupKind.Case, (ulong)record.Case, s);
        }
        if (record.PersonKey != HistoryTexts.Empty)
        {
            Link(_byPerson, GroupKind.Person, (ulong)record.PersonKey, s);
        }
        if (record.ReferencePersonKey != HistoryTexts.Empty && record.ReferencePersonKey != record.PersonKey)
        {
            Link(_byPerson, GroupKind.Person, (ulong)record.ReferencePersonKey, s);
        }
        if (record.NameKey != 0)
        {
            Link(_byName, GroupKind.Name, record.NameKey, s);
        }
        if (record.NationalNameKey != 0)
        {
            Link(_byName, GroupKind.Name, record.NationalNameKey, s);
        }
    }

    private bool CaseGroup(string caseId, out Group group)
    {
        group = default;
        return RunHistory.IsCase(caseId) && _texts.TryFind(caseId, out var id) && _byCase.TryGetValue((ulong)id, out group);
    }

    /// <summary>Adds the group's records not found yet; with <paramref name="pinKeys"/>, not another person's.</summary>
    private void AddGroup(List<int> found, Dictionary<ulong, Group> map, GroupKind kind, ulong key, string[]? pinKeys)
    {
        if (!map.TryGetValue(key, out var group))
        {
            return;
        }
        for (var s = group.Head; s != None; s = Next(ref Record(s), kind, key))
        {
            if (!found.Contains(s) && (pinKeys is null || !PinsConflict(pinKeys, _texts.Span(Record(s).PinKeys))))
            {
                found.Add(s);
            }
        }
    }

    /// <summary>Whether the lists share no PIN but hold two of one country that are not near each other: two persons.</summary>
    private static bool PinsConflict(string[] mine, ReadOnlySpan<char> theirs)
    {
        if (theirs.IsEmpty)
        {
            return false;
        }
        theirs = theirs[..^1];
        foreach (var p in mine)
        {
            foreach (var range in theirs.Split('\0'))
            {
                if (theirs[range].SequenceEqual(p))
                {
                    return false;
                }
            }
        }
        foreach (var p in mine)
        {
            foreach (var range in theirs.Split('\0'))
            {
                var q = theirs[range];
                if (p.Length > 3 && q.Length > 3 && p.AsSpan(0, 3).SequenceEqual(q[..3]) && !Scoring.PinDistance.IsNear(p, q))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private ref HistoryRecord Record(int sequence) => ref _records[sequence >> ChunkShift][sequence & ChunkMask];

    /// <summary>Appends record <paramref name="s"/> to the key's group.</summary>
    private void Link(Dictionary<ulong, Group> map, GroupKind kind, ulong key, int s)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var exists);
        if (exists)
        {
            Next(ref Record(group.Tail), kind, key) = s;
        }
        group = new Group(exists ? group.Head : s, s);
    }

    /// <summary>
    /// The record's link to the next in the key's group. A record is in a person's group by its own
    /// key or its reference person's, in a name's by its name or its national romanisation: the
    /// key it is there by tells which.
    /// </summary>
    private static ref int Next(ref HistoryRecord r, GroupKind kind, ulong key)
    {
        switch (kind)
        {
            case GroupKind.Case:
                return ref r.NextInCase;
            case GroupKind.Person when (ulong)r.PersonKey == key:
                return ref r.NextInPerson;
            case GroupKind.Person:
                return ref r.NextInReference;
            case GroupKind.Name when r.NameKey == key:
                return ref r.NextInName;
            default:
                return ref r.NextInNational;
        }
    }

    private enum GroupKind : byte
    {
        Case,
        Person,
        Name,
    }

    /// <summary>A group's first and last record.</summary>
    private readonly record struct Group(int Head, int Tail);
}
