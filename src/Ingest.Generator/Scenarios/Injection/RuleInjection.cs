using System.Runtime.CompilerServices;
namespace Ingest.Generator.Scenarios.Injection;

/// <summary>Picks, for a share of dossiers, one rule and whether to build a positive or a near-miss.</summary>
public sealed class RuleInjection
{
    private readonly (IRuleInjector Injector, string Rule)[] _posting;
    private readonly (IRuleInjector Injector, string Rule)[] _multiState;

    public RuleInjection()
    {
        IRuleInjector[] families = [new StructuralInjector(), new PeriodInjector(), new IdentityInjector(), new LegislationInjector(), new PostingInjector(), new LifecycleInjector(), new OverlapInjector()];
        var posting = new List<(IRuleInjector, string)>();
        var multi = new List<(IRuleInjector, string)>();
        foreach (var f in families)
        {
            foreach (var (rule, kind) in f.Rules)
            {
                (kind == CaseKind.MultiState ? multi : posting).Add((f, rule));
            }
        }
        _posting = [.. posting];
        _multiState = [.. multi];
    }

    /// <summary>Every rule some family can inject.</summary>
    public IEnumerable<string> InjectableRules => _posting.Select(p => p.Rule).Concat(_multiState.Select(m => m.Rule));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MaybeInject(Dossier dossier, double share, DetRandom rng)
    {
        if (!rng.Chance(share))
        {
            return;
        }
        var kind = dossier.Episodes[0].Kind;
        var table = kind switch
        {
            CaseKind.Posting => _posting,
            CaseKind.MultiState => _multiState,
            _ => [],
        };
        if (table.Length == 0)
        {
            return;
        }
        var (injector, rule) = table[rng.Next(table.Length)];
        injector.Apply(dossier, rule, positive: rng.Chance(0.5), rng);
    }
}
