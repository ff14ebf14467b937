using Ingest.Matching.Features;
using Ingest.Matching.Indexes;

namespace Ingest.Matching.Scoring;

/// <summary>
/// What the matcher asks the indexes and compares with record cards for one SED, worked out once
/// for both targets: lookup keys, hashes of the PINs and employer ids, the period as day numbers.
/// Reused per thread (see <see cref="Matcher"/>); <see cref="Prepare"/> is a no-op for the same SED.
/// </summary>
internal sealed class SedProbe
{
    private SedFeatures? _for;
    private bool _first;

    /// <summary>PIN index keys, one per usable PIN.</summary>
    public List<ulong> PinLookups { get; } = new(4);

    /// <summary><see cref="CardHash"/> of each PIN key, in the order of <see cref="PersonFeatures.PinKeys"/>.</summary>
    public List<uint> PinHashes { get; } = new(4);

    /// <summary>Name-token + birth-date blocking keys.</summary>
    public List<ulong> Keys { get; } = new(32);

    /// <summary>
    /// Whole-name keys with the birth year and with the birth month and day: for a date mistyped in
    /// one component. Looked up only when the dated token keys accept nobody.
    /// </summary>
    public List<ulong> PartialDateKeys { get; } = new(8);

    /// <summary>
    /// Whole-name keys (no date): for a person whose birth date is unknown on one side. A common name
    /// has hundreds of namesakes behind it (a key yields the first few dozen), so they come last.
    /// </summary>
    public List<ulong> WholeNameKeys { get; } = new(4);

    /// <summary>Blocking keys with the birth date's day and month exchanged.</summary>
    public List<ulong> SwappedKeys { get; } = new(16);

    /// <summary>The SED's employer id keys and their <see cref="CardHash"/>.</summary>
    public List<string> EmployerKeys { get; } = new(4);

    public List<uint> EmployerHashes { get; } = new(4);

    public bool HasPeriod { get; private set; }

    /// <summary>First and last day (open: DateOnly.MaxValue) of the SED's repaired period.</summary>
    public int PeriodStart { get; private set; }

    public int PeriodEnd { get; private set; }

    /// <summary>
    /// Works out the probe of a new SED and prefetches the index slots its first lookups read in
    /// both targets (the PIN slots, or the blocking-key slots of a SED without PIN), so that the
    /// declaration's misses overlap the A1's.
    /// </summary>
    public void Prepare(SedFeatures sed, ReferenceSnapshot snapshot)
    {
        if (ReferenceEquals(_for, sed))
        {
            return;
        }
        _first = true;
        PinLookups.Clear();
        PinHashes.Clear();
        foreach (var pin in sed.Person.PinKeys)
        {
            PinLookups.Add(KeyHash.Of('P', pin));
            PinHashes.Add(CardHash.Of(pin));
        }
        Keys.Clear();
        SwappedKeys.Clear();
        PartialDateKeys.Clear();
        WholeNameKeys.Clear();
        BlockingKeys.Add(sed.Person, Keys, SwappedKeys, PartialDateKeys, WholeNameKeys);
        EmployerKeys.Clear();
        EmployerHashes.Clear();
        foreach (var e in sed.Employers)
        {
            foreach (var key in e.IdKeys)
            {
                EmployerKeys.Add(key);
                EmployerHashes.Add(CardHash.Of(key));
            }
        }
        var period = sed.Period?.Repaired;
        HasPeriod = period is not null;
        PeriodStart = period?.Start.DayNumber ?? 0;
        PeriodEnd = period?.EffectiveEnd.DayNumber ?? 0;
        _for = sed;
        if (PinLookups.Count > 0)
        {
            Prefetch(snapshot.A1ByPin, snapshot.DeclarationByPin, PinLookups);
            if (Keys.Count > 0)
            {
                // A person found by PIN is looked up again by the first name token and birth date (its
                // records without PIN): with the names alike, that is this key.
                snapshot.A1ByBlock.Prefetch(Keys[0]);
                snapshot.DeclarationByBlock.Prefetch(Keys[0]);
            }
        }
        else
        {
            Prefetch(snapshot.A1ByBlock, snapshot.DeclarationByBlock, Keys);
        }
    }

    /// <summary>True for the first match of the SED prepared last (the first target), false after.</summary>
    public bool TakeFirst()
    {
        var first = _first;
        _first = false;
        return first;
    }

    private static void Prefetch(HashMultiIndex a1, HashMultiIndex declaration, List<ulong> keys)
    {
        foreach (var key in keys)
        {
            a1.Prefetch(key);
            declaration.Prefetch(key);
        }
    }
}
