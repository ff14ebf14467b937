using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Core.Reference;
using Ingest.Generator.Noise;
using Ingest.Generator.Output;
using Ingest.Generator.Reference;
using Ingest.Generator.Scenarios;
using Ingest.Generator.Scenarios.Injection;
using Ingest.Generator.Seds;
using Ingest.Generator.Truth;

namespace Ingest.Generator;

/// <summary>
/// Streams a corpus dossier by dossier. Each dossier draws from its own random stream (seed,
/// index), so output is identical for a seed and memory stays bounded by one dossier.
/// </summary>
public sealed class CorpusGenerator(GeneratorOptions options)
{
    public const string Version = "1.0";

    private readonly DossierPlanner _planner = new(options);
    private readonly SedFactory _factory = new(options);
    private readonly RuleInjection _injection = new();
    private readonly NoiseProfile _noise = NoiseProfile.For(options.Noise);

    public GeneratorOptions Options => options;

    /// <summary>A1s and declarations produced by the dossiers so far (the rest is background padding).</summary>
    public int A1sEmitted { get; private set; }
    public int DeclarationsEmitted { get; private set; }

    public IEnumerable<string> InjectableRules => _injection.InjectableRules;

    /// <summary>SED units only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<GeneratedSed> Generate()
    {
        foreach (var d in GenerateDossiers())
        {
            foreach (var s in d.Seds)
            {
                yield return s;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<GeneratedDossier> GenerateDossiers()
    {
        var produced = 0;
        for (long index = 0; produced < options.Seds; index++)
        {
            var dossier = Build(index, options.Seds - produced);
            produced += dossier.Seds.Count;
            yield return dossier;
        }
    }

    /// <summary>
    /// Builds a dossier without knowing what came before (no reference caps, no SED limit), for a worker
    /// thread; <see cref="TryAdopt"/> then checks on the ordered thread that the real caps would not have
    /// changed it, so the result equals what <see cref="GenerateDossiers"/> yields.
    /// </summary>
    internal GeneratedDossier BuildSpeculative(long index) => Build(index, int.MaxValue, speculative: true);

    /// <summary>The exact dossier at this point of the stream (counts the reference records it emits).</summary>
    internal GeneratedDossier BuildExact(long index, int remaining) => Build(index, remaining, speculative: false);

    /// <summary>
    /// True when a speculative dossier is what the exact build would give after the dossiers adopted so
    /// far (the caps of CapReference and the SED limit never bind inside it); it is then counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryAdopt(IReadOnlyList<ReferenceBudget> budget, int seds, int remaining)
    {
        if (seds >= remaining)
        {
            return false;
        }
        int a1s = A1sEmitted, declarations = DeclarationsEmitted;
        foreach (var b in budget)
        {
            if (a1s + b.A1Need > options.EffectiveA1Count || (b.WantsDeclaration && declarations >= options.EffectiveDeclarationCount))
            {
                return false;
            }
            a1s += b.A1Made;
            declarations += b.DeclarationsMade;
        }
        A1sEmitted = a1s;
        DeclarationsEmitted = declarations;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private GeneratedDossier Build(long index, int remaining, bool speculative = false)
    {
        var rng = DetRandom.For(options.Seed, 1, (ulong)index);
        var dossier = _planner.Plan(index, rng);
        _injection.MaybeInject(dossier, options.InjectionShare, rng);
        var result = new GeneratedDossier();
        var planned = new List<PlannedSed>();
        foreach (var e in dossier.Episodes)
        {
            var budget = new ReferenceBudget(A1Need(e), 0, e.WantsDeclaration, 0);
            if (!speculative)
            {
                CapReference(e);
            }
            ReferenceBuilder.Build(e, rng);
            var (a1s, declarations) = (result.A1s.Count, result.Declarations.Count);
            AddReference(e, result, rng);
            if (speculative)
            {
                result.Budget.Add(budget with { A1Made = result.A1s.Count - a1s, DeclarationsMade = result.Declarations.Count - declarations });
            }
            planned.AddRange(_factory.Compose(e, rng));
        }
        if (planned.Count > remaining)
        {
            Truncate(planned, remaining);
        }
        var noise = new NoiseApplier(_noise);
        foreach (var s in planned)
        {
            noise.Apply(s.Record, rng);
        }
        ShuffleVersions(planned, rng);
        // Own stream: which SEDs arrive broken does not shift the dossier's other draws.
        var breaks = DetRandom.For(options.Seed, 4, (ulong)index);
        foreach (var s in planned)
        {
            s.Malformed = breaks.Chance(_noise.Malformed);
        }
        RuleOracle.Evaluate(dossier, planned);
        var nearMisses = NearMissTargets(planned);
        var emittedFrom = new List<PlannedSed>(planned.Count + 1);
        foreach (var s in planned)
        {
            Emit(s, nearMisses, result, rng, duplicate: false);
            emittedFrom.Add(s);
            if (result.Seds.Count < remaining && rng.Chance(_noise.Duplicate))
            {
                Emit(s, nearMisses, result, rng, duplicate: true);
                emittedFrom.Add(s);
            }
            if (result.Seds.Count >= remaining)
            {
                break;
            }
        }
        DropUnseenVersionChanges(planned, emittedFrom, result);
        DropUnreadInvalidations(emittedFrom, result);
        return result;
    }

    private static int A1Need(Episode e) => (e.WantsA1 ? 1 : 0) + (e.FrenchA1GapDays is null ? 0 : 1) + (e.DeclarationCites == "expired" ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CapReference(Episode e)
    {
        if (A1sEmitted + A1Need(e) > options.EffectiveA1Count)
        {
            e.WantsA1 = false;
            e.FrenchA1GapDays = null;
            e.DeclarationCites = null;
        }
        if (DeclarationsEmitted >= options.EffectiveDeclarationCount)
        {
            e.WantsDeclaration = false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddReference(Episode e, GeneratedDossier result, DetRandom rng)
    {
        foreach (var a1 in (ReadOnlySpan<A1Certificate?>)[e.A1, e.FrenchA1, ReferenceBuilder.ExpiredA1(e, rng)])
        {
            if (a1 is not null)
            {
                result.A1s.Add(a1);
                A1sEmitted++;
            }
        }
        if (e.Declaration is { } decl)
        {
            result.Declarations.Add(decl);
            DeclarationsEmitted++;
        }
    }

    /// <summary>The corpus ends mid-dossier: lifecycle flags must only point at SEDs that exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Truncate(List<PlannedSed> planned, int keep)
    {
        planned.RemoveRange(keep, planned.Count - keep);
        var kept = new HashSet<PlannedSed>(planned);
        foreach (var s in planned)
        {
            if (s.InvalidatedBy is { } by && !kept.Contains(by))
            {
                s.Invalidated = false;
                s.InvalidatedBy = null;
            }
            s.Superseded = planned.Exists(o => o.PreviousVersion == s);
        }
    }

    /// <summary>
    /// LIFE-06 compares two versions of a document: when the other version is cut off by the SED limit
    /// (the oracle already knows the broken ones), no engine can see the change, so the truth does not expect it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DropUnseenVersionChanges(List<PlannedSed> planned, List<PlannedSed> emittedFrom, GeneratedDossier result)
    {
        HashSet<PlannedSed>? visible = null;
        for (var i = 0; i < result.Seds.Count; i++)
        {
            var sed = result.Seds[i];
            if (!sed.Truth.Rules.Contains("LIFE-06"))
            {
                continue;
            }
            if (visible is null)
            {
                visible = [];
                for (var j = 0; j < result.Seds.Count; j++)
                {
                    visible.Add(emittedFrom[j]);
                }
            }
            var s = emittedFrom[i];
            var partner = s.PreviousVersion ?? planned.Find(p => p.PreviousVersion == s);
            if (partner is not null && !visible.Contains(partner))
            {
                result.Seds[i] = sed.WithTruth(sed.Truth with { Rules = [.. sed.Truth.Rules.Where(r => r != "LIFE-06")] });
            }
        }
    }

    /// <summary>
    /// An X008 or A008 that arrives only broken (no readable delivery) or not at all (cut off by the
    /// SED limit) invalidates nothing the engine can know of: its target stays valid in the truth.
    /// </summary>
    private static void DropUnreadInvalidations(List<PlannedSed> emittedFrom, GeneratedDossier result)
    {
        HashSet<PlannedSed>? readable = null;
        for (var i = 0; i < result.Seds.Count; i++)
        {
            var sed = result.Seds[i];
            if (!sed.Truth.Invalidated || emittedFrom[i].InvalidatedBy is not { } by)
            {
                continue;
            }
            if (readable is null)
            {
                readable = [];
                for (var j = 0; j < result.Seds.Count; j++)
                {
                    if (!result.Seds[j].Malformed)
                    {
                        readable.Add(emittedFrom[j]);
                    }
                }
            }
            if (!readable.Contains(by))
            {
                result.Seds[i] = sed.WithTruth(sed.Truth with { Invalidated = false });
            }
        }
    }

    /// <summary>Out-of-order versions: the newer version arrives first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ShuffleVersions(List<PlannedSed> planned, DetRandom rng)
    {
        foreach (var s in planned)
        {
            if (s.PreviousVersion is { } prev && rng.Chance(_noise.OutOfOrderVersions))
            {
                (s.Received, prev.Received) = (prev.Received, s.Received);
                s.Record.Envelope.ReceivedAt = SedFactory.Stamp(s.Received);
                prev.Record.Envelope.ReceivedAt = SedFactory.Stamp(prev.Received);
            }
        }
    }

    /// <summary>Which SED carries each near-miss of an episode: the SED on which the rule would fire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<PlannedSed, List<string>> NearMissTargets(List<PlannedSed> planned)
    {
        var map = new Dictionary<PlannedSed, List<string>>();
        if (!planned.Exists(p => p.Episode.NearMisses.Count > 0))
        {
            return map;
        }
        foreach (var group in planned.GroupBy(p => p.Episode))
        {
            foreach (var rule in group.Key.NearMisses)
            {
                PlannedSed? target = rule switch
                {
                    "LIFE-01" or "STR-09" => group.FirstOrDefault(p => p.Record.SedType.StartsWith('X')),
                    "LIFE-03" => group.FirstOrDefault(p => p.Record.SedType == "A008"),
                    "LIFE-02" or "LIFE-06" => group.FirstOrDefault(p => p.IsAmendment || p.PreviousVersion is not null),
                    _ => group.FirstOrDefault(p => p.IsDecision),
                };
                if (target is not null && !target.Rules.Contains(rule))
                {
                    if (!map.TryGetValue(target, out var list))
                    {
                        map[target] = list = [];
                    }
                    list.Add(rule);
                }
            }
        }
        return map;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(PlannedSed s, Dictionary<PlannedSed, List<string>> nearMisses, GeneratedDossier result, DetRandom rng, bool duplicate)
    {
        var bytes = SedXmlWriter.Render(s.Record).ToArray();
        string? malformedKind = null;
        if (!duplicate && s.Malformed)
        {
            (bytes, malformedKind) = Malformer.Break(bytes, rng);
        }
        var day = Dates.Iso(DateOnly.FromDateTime(s.Received).AddDays(duplicate ? 1 : 0));
        var env = s.Record.Envelope;
        var entry = env.CaseId + "-" + s.Record.SedType + "-" + env.DocumentId[..12] + "-v" + env.DocumentVersion.ToString(CultureInfo.InvariantCulture) + ".xml";
        var rules = new List<string>(s.Rules);
        // A second delivery of a broken SED is the first one ingested: not a duplicate for the engine.
        if (duplicate && !s.Malformed)
        {
            rules.Add("STR-08");
        }
        if (malformedKind is not null)
        {
            rules = ["STR-01"];
        }
        rules.Sort(StringComparer.Ordinal);
        // A placeholder person cannot be matched: no target is expected for it.
        var matchable = s.Record.SedType == "A009" && s.IsDecision && RuleOracle.Identifiable(s);
        var truth = new TruthRecord
        {
            Unit = "zip/" + day + ".zip!" + entry,
            File = "files/" + day + "/" + entry,
            Day = day,
            CaseId = env.CaseId,
            DocumentId = env.DocumentId,
            Version = env.DocumentVersion,
            SedType = s.Record.SedType,
            CdmVersion = s.Record.CdmVersion,
            ReceivedAt = env.ReceivedAt,
            TruePersonId = s.Record.Person.FamilyName is null ? null : s.Episode.Person.Id,
            ExpectedA1 = matchable ? s.Episode.A1?.DocumentNumber : null,
            ExpectedDeclaration = matchable ? s.Episode.Declaration?.DeclarationId : null,
            Rules = rules,
            NearMisses = malformedKind is null && !duplicate && nearMisses.TryGetValue(s, out var nm) ? nm : [],
            Malformed = malformedKind is not null,
            MalformedKind = malformedKind,
            DuplicateDelivery = duplicate,
            Superseded = s.Superseded,
            Invalidated = s.Invalidated,
        };
        result.Seds.Add(new GeneratedSed { Record = s.Record, Bytes = bytes, Truth = truth, Day = day, EntryName = entry });
    }
}
