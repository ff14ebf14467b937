using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.Core.Evaluation;

/// <summary>
/// Normalise, match against the reference indexes and run the control rules for one SED. Rules
/// that look across SEDs (chains, conflicts, invalidations) read the evaluator's own history, so
/// one evaluator instance serves one run.
/// </summary>
public interface ISedEvaluator
{
    SedEvaluation Evaluate(UnitId unit, SedRecord sed);

    /// <summary>
    /// The part of <see cref="Evaluate"/> that does not depend on the SEDs before it (normalising,
    /// matching, the rules that read no history). Thread-safe, so pipelines run it in their
    /// parallel workers; null when the evaluator has no such part.
    /// </summary>
    object? Prepare(UnitId unit, SedRecord sed) => null;

    /// <summary>Finishes what <see cref="Prepare"/> began, in source order: history, cross-SED rules, red flag.</summary>
    SedEvaluation Complete(UnitId unit, SedRecord sed, object? prepared) => Evaluate(unit, sed);

    /// <summary>False when nothing the evaluator remembers after an evaluation refers to the SED record (strings aside).</summary>
    bool KeepsRecords => true;
}
