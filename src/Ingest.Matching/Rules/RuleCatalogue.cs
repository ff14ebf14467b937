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

    private static readonly Dictionary<string, ControlRule> s_byId = s_all.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyList<ControlRule> All => s_all;

    public static IEnumerable<RuleDescriptor> Descriptors => s_all.Select(r => r.Descriptor);

    public static ControlRule Get(string id) => s_byId[id];

    public static bool TryGet(string id, out ControlRule? rule) => s_byId.TryGetValue(id, out rule);
}
