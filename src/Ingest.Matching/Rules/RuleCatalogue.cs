using Ingest.Core.Results;

namespace Ingest.Matching.Rules;

/// <summary>Every control rule of DOMAIN.md §5 that the engine implements, in catalogue order.</summary>
public static class RuleCatalogue
{
    private static readonly ControlRule[] s_all =
    [
        .. StructuralRules.Create(),
        .. IdentityRules.Create(),
        .. PeriodRules.Create(),
        .. LegislationRules.Create(),
        .. PostingRules.Create(),
        .. MultiStateRules.Create(),
        .. LifecycleRules.Create(),
        .. CertificateRules.Create(),
    ];

    /// <summary>Rules checked over a whole run rather than per SED (the declarations' side).</summary>
    private static readonly ControlRule[] s_runLevel = [DeclarationAudit.Rule];

    private static readonly Dictionary<string, ControlRule> s_byId = s_all.Concat(s_runLevel).ToDictionary(r => r.Id, StringComparer.Ordinal);


    /// <summary>The rules run on every SED.</summary>
    public static IReadOnlyList<ControlRule> All => s_all;

    /// <summary>Rules run once over a whole run (<see cref="SedEvaluator.AuditDeclarations"/>).</summary>
    public static IReadOnlyList<ControlRule> RunLevel => s_runLevel;

    /// <summary>The whole catalogue: per-SED rules, then run-level ones.</summary>
    public static IReadOnlyList<ControlRule> Everything { get; } = [.. s_all, .. s_runLevel];

    public static IEnumerable<RuleDescriptor> Descriptors => Everything.Select(r => r.Descriptor);

    public static ControlRule Get(string id) => s_byId[id];

    public static bool TryGet(string id, out ControlRule? rule) => s_byId.TryGetValue(id, out rule);
}
