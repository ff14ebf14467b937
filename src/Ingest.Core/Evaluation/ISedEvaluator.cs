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
}
