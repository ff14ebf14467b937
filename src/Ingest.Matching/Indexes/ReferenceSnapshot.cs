using System.Collections.Concurrent;
using System.Collections.Frozen;
using Ingest.Core.Reference;
using Ingest.Matching.Features;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Employers;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Indexes;

/// <summary>
/// An immutable, fully indexed copy of the reference data: A1 certificates and the current version
/// of each posting declaration, hashed by normalised PIN + country, by name/birth-date blocking
/// keys and by employer id, with interval search on periods per employer and per client. Built
/// once per run (or per live update) and then only read, so any number of threads can share it.
/// </summary>
public sealed class ReferenceSnapshot
{
    public static readonly ReferenceSnapshot Empty = Build([], []);

    private readonly A1Indexes _a1;
    private readonly DeclarationIndexes _declarations;

    private ReferenceSnapshot(IndexedA1[] a1s, IndexedDeclaration[] declarations, A1Indexes a1Indexes, DeclarationIndexes declarationIndexes)
    {
        A1s = a1s;
        Declarations = declarations;
        _a1 = a1Indexes;
        _declarations = declarationIndexes;
    }

    /// <summary>
    /// Sizes the findings caches for a run that expects <paramref name="seds"/> SEDs, before any is
    /// evaluated (a nightly run, which counts its input): grown by doubling, a concurrent table
    /// re-creates every node at each step, and these live as long as the snapshot, so each copy was
    /// promoted through the young generations (a year's run: ~90 MB of copies, and the large bucket
    /// arrays left behind). A snapshot nobody sized (the stream's) grows them as it goes.
    /// </summary>
    internal void ReserveFindings(int seds)
    {
        if (seds <= 0 || !EmployerFindings.IsEmpty || !DeclarationFindings.IsEmpty)
        {
            return;
        }
        EmployerFindings = new(Environment.ProcessorCount, Math.Min(seds, A1s.Length + Declarations.Length));
        DeclarationFindings = new(Environment.ProcessorCount, Math.Min(seds, Declarations.Length), ReferenceEqualityComparer.Instance);
    }

    internal IndexedA1[] A1s { get; }
    internal IndexedDeclaration[] Declarations { get; }
    internal HashMultiIndex A1ByPin => _a1.ByPin;
    internal HashMultiIndex A1ByBlock => _a1.ByBlock;
    internal HashMultiIndex DeclarationByPin => _declarations.ByPin;
    internal HashMultiIndex DeclarationByBlock => _declarations.ByBlock;
    internal IntervalMultiIndex A1ByEmployer => _a1.ByEmployer;
    internal IntervalMultiIndex DeclarationByEmployer => _declarations.ByEmployer;
    internal IntervalMultiIndex DeclarationByClient => _declarations.ByClient;
    internal FrozenDictionary<string, int> A1ByNumber => _a1.ByNumber;

    /// <summary>Per-record cards of what scoring reads, by record id (see <see cref="RecordCard"/>).</summary>
    internal RecordCards A1Cards => _a1.Cards;

    internal RecordCards DeclarationCards => _declarations.Cards;

    /// <summary>
    /// Findings that depend only on reference data (an employer's history in France, a client's
    /// relay of workers), computed once per key and snapshot: many SEDs ask the same question.
    /// </summary>
    /// <remarks>
    /// Keyed by the employer key's hash (<see cref="KeyHash"/>, as the by-employer index is): a year asks
    /// once per SED, and the string key cost a hash of the text and a compare against a key string
    /// somewhere in a multi-gigabyte heap (1.6 % of a year's pipeline, perf).
    /// </remarks>
    internal ConcurrentDictionary<ulong, string?> EmployerFindings { get; private set; } = new();

    /// <summary>The same for a declaration, keyed by the record itself (no id string to hash and compare).</summary>
    internal ConcurrentDictionary<IndexedDeclaration, string?> DeclarationFindings { get; private set; } = new(ReferenceEqualityComparer.Instance);

    public int A1Count => A1s.Length;

    public int DeclarationCount => Declarations.Length;

    /// <summary>Bytes held by the index structures (not the records themselves).</summary>
    public long IndexBytes =>
        A1ByPin.ApproximateBytes + A1ByBlock.ApproximateBytes + DeclarationByPin.ApproximateBytes + DeclarationByBlock.ApproximateBytes
        + A1ByEmployer.ApproximateBytes + DeclarationByEmployer.ApproximateBytes + DeclarationByClient.ApproximateBytes
        + A1Cards.ApproximateBytes + DeclarationCards.ApproximateBytes;

    public static ReferenceSnapshot Build(IEnumerable<A1Certificate> a1Certificates, IEnumerable<PostingDeclaration> declarations) =>
        Build(a1Certificates as A1Certificate[] ?? a1Certificates.ToArray(), [.. CurrentVersions(declarations, d => d.DeclarationId, d => d.Version)]);

    private static ReferenceSnapshot Build(A1Certificate[] a1Source, PostingDeclaration[] declSource)
    {
        // Employer and client keys repeat across a register (one firm posts many workers): one string a key.
        // Sized for every key up front: a growing table copies all its nodes at each doubling while
        // holding every lock, which for a generated register's ~2.5 M distinct keys was a third of the
        // table's allocation and stalled the other indexing thread.
        var sharedKeys = new ConcurrentDictionary<string, string>(Environment.ProcessorCount, a1Source.Length + 2 * declSource.Length, StringComparer.Ordinal);
        var a1s = IndexAll(a1Source, a => Index(a, sharedKeys));
        var decls = IndexAll(declSource, d => Index(d, sharedKeys));
        return WithIndexes(a1s, decls, null, null);
    }

    /// <summary>
    /// The snapshot of the reference files (a missing path or file: none of that kind), each record
    /// indexed as soon as it is decoded, so a source record dies young. A year's register is a
    /// million source objects a kind: read whole first, they were several hundred megabytes of the
    /// reference phase's peak (its time is about the same either way: the snapshot's own growth is
    /// what drives its full collections).
    /// </summary>
    /// <remarks>
    /// <paramref name="onA1"/> and <paramref name="onDeclaration"/> see every source record (every
    /// version of a declaration) as it is decoded, on the decoding threads: the nightly run copies
    /// the register into ClickHouse in the same pass instead of holding it for a write of its own.
    /// </remarks>
    public static ReferenceSnapshot LoadIndexed(string? a1Path, string? declarationsPath, Action<A1Certificate>? onA1 = null, Action<PostingDeclaration>? onDeclaration = null)
    {
        var a1Bytes = a1Path is not null && File.Exists(a1Path) ? new FileInfo(a1Path).Length : 0;
        var declBytes = declarationsPath is not null && File.Exists(declarationsPath) ? new FileInfo(declarationsPath).Length : 0;
        // Sized for every key up front, as in Build; a reference line is about 500 bytes.
        var sharedKeys = new ConcurrentDictionary<string, string>(Environment.ProcessorCount, (int)Math.Min((a1Bytes + 2 * declBytes) / 400 + 16, int.MaxValue / 4), StringComparer.Ordinal);
        IndexedA1[] a1s = a1Bytes > 0 ? [.. ReferenceJsonl.ReadA1(a1Path!, a =>
        {
            onA1?.Invoke(a);
            return Index(a, sharedKeys);
        })] : [];
        IndexedDeclaration[] decls = declBytes > 0 ? [.. CurrentVersions(ReferenceJsonl.ReadDeclarations(declarationsPath!, d =>
        {
            onDeclaration?.Invoke(d);
            return Index(d, sharedKeys);
        }), d => d.TargetId, d => d.Version)] : [];
        return WithIndexes(a1s, decls, null, null);
    }

    /// <summary>Every source record indexed, in parallel.</summary>
    private static T[] IndexAll<TSource, T>(TSource[] source, Func<TSource, T> index)
    {
        var indexed = new T[source.Length];
        Parallel.For(0, source.Length, i => indexed[i] = index(source[i]));
        return indexed;
    }

    /// <summary>
    /// This snapshot with the changes applied: a record whose document number (A1) or declaration id
    /// is changed is replaced, a removed one dropped, a new one added. Only the changed records are
    /// normalised; the others are shared with this snapshot, so an update costs the index structures'
    /// build, not the normalisation of the whole register (about two thirds of <see cref="Build"/>).
    /// The result equals <see cref="Build"/> of the same records in the order kept here: this
    /// snapshot's survivors in their order, then the changed records in the order they were set.
    /// </summary>
    public ReferenceUpdate With(ReferenceChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var touched = new HashSet<ulong>();
        var sharedKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var a1s = Merge(A1s, changes.A1, a => Index(a, sharedKeys), touched, out var a1Changed);
        var decls = Merge(Declarations, changes.Declarations, d => Index(d, sharedKeys), touched, out var declChanged);
        if (a1Changed + declChanged == 0)
        {
            return new ReferenceUpdate(this, 0, MatchKeySet.None);
        }
        // A kind without changes keeps its structures: the A1 and declaration topics change apart.
        var next = WithIndexes(a1s, decls, a1Changed == 0 ? _a1 : null, declChanged == 0 ? _declarations : null);
        return new ReferenceUpdate(next, a1Changed + declChanged, new MatchKeySet(touched));
    }

    /// <summary>
    /// The survivors of <paramref name="current"/> then the new versions; the match keys of every
    /// record dropped or added go into <paramref name="touched"/> (a SED can only gain or lose those
    /// records as candidates). <paramref name="changed"/>: records dropped plus records added.
    /// </summary>
    private static T[] Merge<T, TSource>(T[] current, IReadOnlyDictionary<string, TSource?> changes, Func<TSource, T> index, HashSet<ulong> touched, out int changed)
        where T : ReferenceRecord
        where TSource : class
    {
        changed = 0;
        if (changes.Count == 0)
        {
            return current;
        }
        var merged = new List<T>(current.Length + changes.Count);
        var keys = new List<ulong>(16);
        foreach (var record in current)
        {
            if (changes.ContainsKey(record.TargetId))
            {
                changed++;
                AddKeys(record.Person, touched, keys);
            }
            else
            {
                merged.Add(record);
            }
        }
        var fresh = new List<TSource>(changes.Count);
        foreach (var source in changes.Values)
        {
            if (source is not null)
            {
                fresh.Add(source);
            }
        }
        var added = new T[fresh.Count];
        Parallel.For(0, added.Length, i => added[i] = index(fresh[i]));
        foreach (var record in added)
        {
            AddKeys(record.Person, touched, keys);
        }
        changed += added.Length;
        merged.AddRange(added);
        return changed == 0 ? current : merged.ToArray();
    }

    /// <summary>Every key the record is indexed under (<see cref="KeysOf"/>).</summary>
    private static void AddKeys(PersonFeatures person, HashSet<ulong> touched, List<ulong> keys)
    {
        KeysOf(person, keys, keys);
        touched.UnionWith(keys);
    }

    /// <summary>The snapshot of the records, with the given kinds' structures reused and the others built (the two kinds side by side).</summary>
    private static ReferenceSnapshot WithIndexes(IndexedA1[] a1s, IndexedDeclaration[] decls, A1Indexes? a1Indexes, DeclarationIndexes? declarationIndexes)
    {
        Parallel.Invoke(
            () => a1Indexes ??= IndexA1s(a1s),
            () => declarationIndexes ??= IndexDeclarations(decls));
        return new ReferenceSnapshot(a1s, decls, a1Indexes!, declarationIndexes!);
    }

    /// <summary>
    /// Blocking keys a record is indexed under, rounded up (name tokens with the birth date and its
    /// swapped and partial forms, the whole name): the builder is sized once instead of doubling.
    /// </summary>
    private const int BlockKeysPerRecord = 8;

    /// <summary>The A1s' structures: the records keyed in one pass, then the five built side by side.</summary>
    private static A1Indexes IndexA1s(IndexedA1[] a1s)
    {
        var pin = new HashMultiIndexBuilder(a1s.Length);
        var block = new HashMultiIndexBuilder(a1s.Length * BlockKeysPerRecord);
        var employer = new HashMultiIndexBuilder(a1s.Length);
        var numbers = new Dictionary<string, int>(a1s.Length, StringComparer.Ordinal);
        var pinKeys = new List<ulong>(4);
        var keys = new List<ulong>(16);
        for (var i = 0; i < a1s.Length; i++)
        {
            var a = a1s[i];
            AddPerson(a.Person, i, pin, block, pinKeys, keys);
            if (a.EmployerKey.Length > 0)
            {
                employer.Add(KeyHash.Of('E', a.EmployerKey), i);
            }
            numbers.TryAdd(NumberKey(a.TargetId), i);
        }
        HashMultiIndex? byPin = null, byBlock = null;
        IntervalMultiIndex? byEmployer = null;
        FrozenDictionary<string, int>? byNumber = null;
        RecordCards? cards = null;
        Parallel.Invoke(
            () => byBlock = block.Build(),
            () => byPin = pin.Build(),
            () => cards = RecordCards.Build(a1s),
            () => byEmployer = employer.BuildIntervals(DayRanges(a1s)),
            () => byNumber = numbers.ToFrozenDictionary(StringComparer.Ordinal));
        return new A1Indexes(byPin!, byBlock!, byEmployer!, byNumber!, cards!);
    }

    private static DeclarationIndexes IndexDeclarations(IndexedDeclaration[] decls)
    {
        var pin = new HashMultiIndexBuilder(decls.Length);
        var block = new HashMultiIndexBuilder(decls.Length * BlockKeysPerRecord);
        var employer = new HashMultiIndexBuilder(decls.Length);
        var client = new HashMultiIndexBuilder(decls.Length);
        var pinKeys = new List<ulong>(4);
        var keys = new List<ulong>(16);
        for (var i = 0; i < decls.Length; i++)
        {
            var d = decls[i];
            AddPerson(d.Person, i, pin, block, pinKeys, keys);
            if (d.EmployerKey.Length > 0)
            {
                employer.Add(KeyHash.Of('E', d.EmployerKey), i);
            }
            if (d.ClientKey.Length > 0)
            {
                client.Add(KeyHash.Of('C', d.ClientKey), i);
            }
        }
        HashMultiIndex? byPin = null, byBlock = null;
        IntervalMultiIndex? byEmployer = null, byClient = null;
        var periods = DayRanges(decls);
        RecordCards? cards = null;
        Parallel.Invoke(
            () => byBlock = block.Build(),
            () => byPin = pin.Build(),
            () => cards = RecordCards.Build(decls),
            () => byEmployer = employer.BuildIntervals(periods),
            () => byClient = client.BuildIntervals(periods));
        return new DeclarationIndexes(byPin!, byBlock!, byEmployer!, byClient!, cards!);
    }

    private sealed record A1Indexes(HashMultiIndex ByPin, HashMultiIndex ByBlock, IntervalMultiIndex ByEmployer, FrozenDictionary<string, int> ByNumber, RecordCards Cards);

    private sealed record DeclarationIndexes(HashMultiIndex ByPin, HashMultiIndex ByBlock, IntervalMultiIndex ByEmployer, IntervalMultiIndex ByClient, RecordCards Cards);

    /// <summary>Document numbers compared without formatting.</summary>
    internal static string NumberKey(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "";
        }
        Span<char> buffer = number.Length <= 128 ? stackalloc char[number.Length] : new char[number.Length];
        var n = Normalization.Pins.PinNormalizer.Strip(number, buffer);
        return buffer[..n].ToString();
    }

    internal static ulong PersonHashOf(PersonFeatures p) =>
        p.PinKeys.Length > 0 ? KeyHash.Of('P', p.PinKeys[0]) : KeyHash.Of('I', p.Name.Key, p.BirthDay);

    /// <summary>Each record's period as day numbers, by record id; no period: a range that overlaps nothing.</summary>
    private static (int Start, int End)[] DayRanges<T>(T[] records)
        where T : ReferenceRecord
    {
        var ranges = new (int Start, int End)[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            ranges[i] = records[i].Period is { } p ? (p.Start.DayNumber, p.EffectiveEnd.DayNumber) : (int.MaxValue, int.MinValue);
        }
        return ranges;
    }

    private static void AddPerson(PersonFeatures person, int id, HashMultiIndexBuilder pin, HashMultiIndexBuilder block, List<ulong> pinKeys, List<ulong> blockKeys)
    {
        KeysOf(person, pinKeys, blockKeys);
        foreach (var k in pinKeys)
        {
            pin.Add(k, id);
        }
        foreach (var k in blockKeys)
        {
            block.Add(k, id);
        }
    }

    /// <summary>
    /// The keys a record is indexed under: its PINs into <paramref name="pinKeys"/>, its blocking keys
    /// into <paramref name="blockKeys"/> (both cleared first; they may be one list). Indexing and the
    /// touched keys of an update both read them here, so an update reports every key it changes.
    /// </summary>
    private static void KeysOf(PersonFeatures person, List<ulong> pinKeys, List<ulong> blockKeys)
    {
        pinKeys.Clear();
        blockKeys.Clear();
        foreach (var p in person.PinKeys)
        {
            pinKeys.Add(KeyHash.Of('P', p));
        }
        BlockingKeys.Add(person, blockKeys);
    }

    /// <summary>
    /// Amendments share the declaration id: only the latest version describes the posting now. Each id
    /// keeps the place of its first version, so source records and indexed ones give the same order.
    /// </summary>
    private static List<T> CurrentVersions<T>(IEnumerable<T> declarations, Func<T, string> id, Func<T, int> version)
    {
        var count = declarations.TryGetNonEnumeratedCount(out var n) ? n : 0;
        var latest = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var list = new List<T>(count);
        foreach (var d in declarations)
        {
            if (latest.TryGetValue(id(d), out var at))
            {
                if (version(d) > version(list[at]))
                {
                    list[at] = d;
                }
            }
            else
            {
                latest[id(d)] = list.Count;
                list.Add(d);
            }
        }
        return list;
    }

    private static string Shared(ConcurrentDictionary<string, string> keys, string key) =>
        key.Length == 0 ? "" : keys.GetOrAdd(key, key);

    private static IndexedA1 Index(A1Certificate a, ConcurrentDictionary<string, string> keys)
    {
        var person = PersonFeatures.Create(a.FamilyName, a.Forename, a.FamilyNameAtBirth, null, a.DateBirth, a.Sex, a.Nationalities, PersonFeatures.PinKeysOf(a.PinCountry, a.Pin));
        return new IndexedA1
        {
            TargetId = a.DocumentNumber,
            Status = a.Status,
            IssuedOn = a.IssuedOn,
            EmployerName = a.EmployerName,
            Person = person,
            Period = Period.From(a.Start, a.End),
            State = CountryNormalizer.Normalize(a.LegislationState),
            EmployerKey = Shared(keys, EmployerIdNormalizer.Normalize(a.EmployerId, a.EmployerCountry).Key),
            EmployerCountry = CountryNormalizer.Normalize(a.EmployerCountry),
            Article = Features.ArticleCodes.Normalize(null, a.Article),
            PersonHash = PersonHashOf(person),
            IssuerCountry = Normalization.PersonKeys.SenderCountry(a.Issuer),
        };
    }

    private static IndexedDeclaration Index(PostingDeclaration d, ConcurrentDictionary<string, string> keys)
    {
        var person = PersonFeatures.Create(d.WorkerFamilyName, d.WorkerForename, null, null, d.WorkerDateBirth, null,
            d.WorkerNationality is null ? [] : [d.WorkerNationality], PersonFeatures.PinKeysOf(d.WorkerPinCountry, d.WorkerPin));
        var client = EmployerIdNormalizer.Normalize(d.ClientSiret, "FR");
        return new IndexedDeclaration
        {
            TargetId = d.DeclarationId,
            Version = d.Version,
            Status = d.Status,
            IssuedOn = d.FiledOn,
            EmployerName = d.EmployerName,
            A1Number = d.A1Number,
            Person = person,
            Period = Period.From(d.Start, d.End),
            EmployerKey = Shared(keys, EmployerIdNormalizer.Normalize(d.EmployerId, d.EmployerCountry).Key),
            EmployerCountry = CountryNormalizer.Normalize(d.EmployerCountry),
            ClientKey = Shared(keys, client.IsEmpty ? NameNormalizer.Normalize(d.ClientName).Key : client.Key),
            HireDate = DateNormalizer.Parse(d.HireDate).AsNullable,
            PersonHash = PersonHashOf(person),
        };
    }
}
