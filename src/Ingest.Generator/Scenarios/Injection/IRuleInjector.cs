namespace Ingest.Generator.Scenarios.Injection;

/// <summary>One family of rules: shapes a dossier so that a rule fires (positive) or narrowly does not (near-miss).</summary>
public interface IRuleInjector
{
    /// <summary>Rules this family can inject, with the case kind they need.</summary>
    IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; }

    void Apply(Dossier d, string rule, bool positive, DetRandom rng);
}
