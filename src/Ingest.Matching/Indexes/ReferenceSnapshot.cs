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

    private ReferenceSnapshot(IndexedA1[] a1s, IndexedDeclaration[] declarations)
    {
        A1s = a1s;
        Declarations = declarations;
    }

    internal IndexedA1[] A1s { get; }
    internal IndexedDeclaration[] Declarations { get; }
    internal HashMultiIndex A1ByPin { get; private init; } = null!;
    internal HashMultiIndex A1ByBlock { get; private init; } = null!;
    internal HashMultiIndex DeclarationByPin { get; private init; } = null!;
    internal HashMultiIndex DeclarationByBlock { get; private init; } = null!;
    internal IntervalMultiIndex A1ByEmployer { get; private init; } = null!;
    internal IntervalMultiIndex DeclarationByEmployer { get; private init; } = null!;
    internal IntervalMultiIndex DeclarationByClient { get; private init; } = null!;
    internal FrozenDictionary<string, int> A1ByNumber { get; private init; } = null!;

    /// <summary>Per-record cards of what scoring reads, by record id (see <see cref="RecordCard"/>).</summary>
    internal RecordCards A1Cards { get; private init; } = null!;

    internal RecordCards DeclarationCards { get; private init; } = null!;

    /// <summary>
    /// Findings that depend only on reference data (an employer's history in France, a client's
    /// relay of workers), computed once per key and snapshot: many SEDs ask the same question.
    /// </summary>
    internal ConcurrentDictionary<string, string?> EmployerFindings { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, string?> DeclarationFindings { get; } = new(StringComparer.Ordinal);

    public int A1Count => A1s.Length;

    public int DeclarationCount => Declarations.Length;

    /// <summary>Bytes held by the index structures (not the records themselves).</summary>
    public long IndexBytes =>
        A1ByPin.ApproximateBytes + A1ByBlock.ApproximateBytes + DeclarationByPin.ApproximateBytes + DeclarationByBlock.ApproximateBytes
        + A1ByEmployer.ApproximateBytes + DeclarationByEmployer.ApproximateBytes + DeclarationByClient.ApproximateBytes
        + A1Cards.ApproximateBytes + DeclarationCards.ApproximateBytes;

    public static ReferenceSnapshot Load(string a1Path, string declarationsPath) =>
        Build(ReferenceJsonl.ReadA1(a1Path), ReferenceJsonl.ReadDeclarations(declarationsPath));

    public static ReferenceSnapshot Build(IEnumerable<A1Certificate> a1Certificates, IEnumerable<PostingDeclaration> declarations)
    {
        var a1Source = a1Certificates as A1Certificate[] ?? a1Certificates.ToArray();
        var declSource = CurrentVersions(declarations);
        // Employer and client keys repeat across a register (one firm posts many workers): one string a key.
        var sharedKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var a1s = new IndexedA1[a1Source.Length];
        Parallel.For(0, a1s.Length, i => a1s[i] = Index(a1Source[i], sharedKeys));
        var decls = new IndexedDeclaration[declSource.Count];
        Parallel.For(0, decls.Length, i => decls[i] = Index(declSource[i], sharedKeys));

        // The two kinds are keyed, then the ten structures built, side by side: once the records are
        // normalised (in parallel) this part was a third of a 1 M + 1 M build on one core.
        var a1Pin = new HashMultiIndexBuilder(a1s.Length);
        var a1Block = new HashMultiIndexBuilder(a1s.Length * 4);
        var a1Employer = new List<(ulong, int)>(a1s.Length);
        var numbers = new Dictionary<string, int>(a1s.Length, StringComparer.Ordinal);
        var dPin = new HashMultiIndexBuilder(decls.Length);
        var dBlock = new HashMultiIndexBuilder(decls.Length * 4);
        var dEmployer = new List<(ulong, int)>(decls.Length);
        var dClient = new List<(ulong, int)>(decls.Length);
        Parallel.Invoke(
            () =>
            {
                var keys = new List<ulong>(16);
                for (var i = 0; i < a1s.Length; i++)
                {
                    var a = a1s[i];
                    AddPerson(a.Person, i, a1Pin, a1Block, keys);
                    if (a.EmployerKey.Length > 0)
                    {
                        a1Employer.Add((KeyHash.Of('E', a.EmployerKey), i));
                    }
                    numbers.TryAdd(NumberKey(a.TargetId), i);
                }
            },
            () =>
            {
                var keys = new List<ulong>(16);
                for (var i = 0; i < decls.Length; i++)
                {
                    var d = decls[i];
                    AddPerson(d.Person, i, dPin, dBlock, keys);
                    if (d.EmployerKey.Length > 0)
                    {
                        dEmployer.Add((KeyHash.Of('E', d.EmployerKey), i));
                    }
                    if (d.ClientKey.Length > 0)
                    {
                        dClient.Add((KeyHash.Of('C', d.ClientKey), i));
                    }
                }
            });
        HashMultiIndex? a1ByPin = null, a1ByBlock = null, declarationByPin = null, declarationByBlock = null;
        IntervalMultiIndex? a1ByEmployer = null, declarationByEmployer = null, declarationByClient = null;
        FrozenDictionary<string, int>? a1ByNumber = null;
        RecordCards? a1Cards = null, declarationCards = null;
        Parallel.Invoke(
            () => a1ByBlock = a1Block.Build(),
            () => declarationByBlock = dBlock.Build(),
            () => a1ByPin = a1Pin.Build(),
            () => declarationByPin = dPin.Build(),
            () => a1Cards = RecordCards.Build(a1s),
            () => declarationCards = RecordCards.Build(decls),
            () => a1ByEmployer = Interval(a1Employer, id => a1s[id].Period),
            () => declarationByEmployer = Interval(dEmployer, id => decls[id].Period),
            () => declarationByClient = Interval(dClient, id => decls[id].Period),
            () => a1ByNumber = numbers.ToFrozenDictionary(StringComparer.Ordinal));
        return new ReferenceSnapshot(a1s, decls)
        {
            A1ByPin = a1ByPin!,
            A1ByBlock = a1ByBlock!,
            DeclarationByPin = declarationByPin!,
            DeclarationByBlock = declarationByBlock!,
            A1ByEmployer = a1ByEmployer!,
            DeclarationByEmployer = declarationByEmployer!,
            DeclarationByClient = declarationByClient!,
            A1ByNumber = a1ByNumber!,
            A1Cards = a1Cards!,
            DeclarationCards = declarationCards!,
        };
    }

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

    private static IntervalMultiIndex Interval(List<(ulong Key, int Id)> pairs, Func<int, Period?> period)
    {
        var keys = new ulong[pairs.Count];
        var ids = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            (keys[i], ids[i]) = pairs[i];
        }
        return IntervalMultiIndex.Build(keys, ids, pairs.Count, id => period(id) is { } p ? (p.Start.DayNumber, p.EffectiveEnd.DayNumber) : (int.MaxValue, int.MinValue));
    }

    private static void AddPerson(PersonFeatures person, int id, HashMultiIndexBuilder pin, HashMultiIndexBuilder block, List<ulong> keys)
    {
        foreach (var p in person.PinKeys)
        {
            pin.Add(KeyHash.Of('P', p), id);
        }
        keys.Clear();
        BlockingKeys.Add(person, keys);
        foreach (var k in keys)
        {
            block.Add(k, id);
        }
    }

    private static List<PostingDeclaration> CurrentVersions(IEnumerable<PostingDeclaration> declarations)
    {
        // Amendments share the declaration id: only the latest version describes the posting now.
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<PostingDeclaration>();
        foreach (var d in declarations)
        {
            if (latest.TryGetValue(d.DeclarationId, out var at))
            {
                if (d.Version > list[at].Version)
                {
                    list[at] = d;
                }
            }
            else
            {
                latest[d.DeclarationId] = list.Count;
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
