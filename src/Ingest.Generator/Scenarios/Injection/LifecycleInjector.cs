namespace Ingest.Generator.Scenarios.Injection;

/// <summary>LIFE-01/02/03/05/06, CERT-01/02 and STR-09: versions, invalidations, cancellations and cited certificates.</summary>
public sealed class LifecycleInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
    [
        ("LIFE-01", CaseKind.Posting), ("LIFE-02", CaseKind.Posting), ("LIFE-03", CaseKind.Posting), ("LIFE-05", CaseKind.Posting),
        ("LIFE-06", CaseKind.Posting), ("CERT-01", CaseKind.Posting), ("CERT-02", CaseKind.Posting), ("STR-09", CaseKind.Posting),
    ];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        InjectionHelpers.Mark(e, rule, positive);
        e.SelfEmployed = false;
        e.Article = "01";
        switch (rule)
        {
            case "LIFE-01":
                // Near-miss: a reminder X009, which invalidates nothing.
                e.Invalidate = positive;
                e.OtherXType = positive ? null : "X009";
                break;
            case "LIFE-02":
                // Near-miss: a second exchange version of the same document, not an amending decision.
                e.Amendment = positive;
                e.ExtraVersion = !positive;
                break;
            case "LIFE-03":
                e.ChangeType = "cancellation";
                e.WantsDeclaration = true;
                e.DeclarationCancelled = !positive;
                break;
            case "LIFE-05":
                e.WantsA1 = true;
                e.A1Status = "withdrawn";
                e.WantsDeclaration = true;
                e.DeclarationCancelled = !positive;
                break;
            case "LIFE-06":
                e.ExtraVersion = true;
                e.MaterialChangeInVersion = positive;
                break;
            case "CERT-01":
            case "CERT-02":
                e.WantsA1 = true;
                e.WantsDeclaration = true;
                e.DeclarationCites = positive ? (rule == "CERT-01" ? "unknown" : "expired") : "own";
                break;
            case "STR-09":
                // Positive: the X-SED's case has no A-SED at all; near-miss: an X-SED beside its A009.
                e.OtherXType = "X010";
                if (positive)
                {
                    e.Kind = CaseKind.OrphanX;
                    e.WantsA1 = false;
                    e.WantsDeclaration = false;
                }
                break;
        }
    }
}
