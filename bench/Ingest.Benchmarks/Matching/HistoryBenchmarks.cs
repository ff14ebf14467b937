using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ingest.Matching.Linking;
using Ingest.Normalization.Names;

namespace Ingest.Benchmarks.Matching;

/// <summary>
/// The run history as the evaluator uses it, a SED at a time: the duplicate check, its case's and
/// its person's views, then the registration. Entries are shaped like a generated year (0.78 cases,
/// ~0.85 persons and names a SED, one employer in three shared). Unbounded is the nightly run's
/// history; bounded (an eighth of the SEDs) is the stream worker's, which forgets its oldest SEDs
/// a generation (half the bound) at a time, fifteen times over a pass. Each operation is one SED, whose entry is made
/// with new strings as the evaluator's are, so what the history keeps of them is in the figures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class HistoryBenchmarks
{
    private const int Seds = 200_000;

    // A year's history (1.2 M SEDs) for the profiling loop, whose tables outgrow the caches as the nightly run's do.
    private readonly int _seds;

    public HistoryBenchmarks() : this(Seds)
    {
    }

    public HistoryBenchmarks(int seds) => _seds = seds;

    private HistoryEntry[] _entries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var seds = _seds;
        _entries = new HistoryEntry[seds];
        for (var i = 0; i < seds; i++)
        {
            var person = random.Next(seds * 85 / 100);
            var employer = random.Next(3) == 0 ? "E" + random.Next(1000) : "E" + i;
            _entries[i] = new HistoryEntry
            {
                CaseId = "FR-CASE-" + random.Next(seds * 78 / 100).ToString("D9", System.Globalization.CultureInfo.InvariantCulture),
                DocumentId = "FR-DOC-" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
                Version = 1,
                SedType = random.Next(3) == 0 ? "A003" : "A009",
                IssueDate = new DateOnly(2025, 1, 1).AddDays(random.Next(365)),
                Period = new Ingest.Normalization.Dates.Period(new DateOnly(2025, 1, 1).AddDays(random.Next(365)), new DateOnly(2026, 1, 1).AddDays(random.Next(365))),
                State = "FR",
                SenderCountry = random.Next(2) == 0 ? "FR" : "DE",
                Article = "12.1",
                PersonKey = "P|FR:" + person.ToString("D13", System.Globalization.CultureInfo.InvariantCulture),
                ReferencePersonKey = "",
                EmployerKey = "FR:" + employer,
                EmployerName = new NormalizedName("SOCIETE " + employer),
                WorkCountries = ["DE"],
                Name = new NormalizedName("DUPONT JEAN " + person.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                BirthDay = 700_000 + person % 20_000,
                PinKeys = ["FR:" + person.ToString("D13", System.Globalization.CultureInfo.InvariantCulture)],
                NameKey = (ulong)person * 0x9E3779B97F4A7C15UL | 1,
                WholePeriodCancelled = false,
            };
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Seds)]
    public int Unbounded() => Run(new RunHistory(expectedEntries: _seds));

    [Benchmark(OperationsPerInvoke = Seds)]
    public int Bounded() => Run(new RunHistory(maxEntries: _seds / 8));

    private int Run(RunHistory history)
    {
        var seen = 0;
        foreach (var template in _entries)
        {
            var e = Fresh(template);
            if (!history.IsDuplicate(e.CaseId, e.DocumentId, e.Version))
            {
                seen += history.Case(e.CaseId).Length + history.Person(e.PersonKey, "", e.NameKey, 0, e.PinKeys).Length;
                history.Register(e);
            }
        }
        return seen + history.Count;
    }

    /// <summary>The entry as the evaluator makes it: new strings from the SED just parsed, which the history keeps or copies.</summary>
    private static HistoryEntry Fresh(HistoryEntry t) => new()
    {
        CaseId = new string(t.CaseId),
        DocumentId = new string(t.DocumentId),
        Version = t.Version,
        SedType = t.SedType,
        IssueDate = t.IssueDate,
        Period = t.Period,
        State = t.State,
        SenderCountry = t.SenderCountry,
        Article = t.Article,
        PersonKey = new string(t.PersonKey),
        ReferencePersonKey = t.ReferencePersonKey,
        EmployerKey = new string(t.EmployerKey),
        EmployerName = new NormalizedName(new string(t.EmployerName.Key)),
        WorkCountries = [.. t.WorkCountries],
        Name = new NormalizedName(new string(t.Name.Key)),
        BirthDay = t.BirthDay,
        PinKeys = [new string(t.PinKeys[0])],
        NameKey = t.NameKey,
        WholePeriodCancelled = t.WholePeriodCancelled,
    };
}
