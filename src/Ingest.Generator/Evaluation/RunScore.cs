namespace Ingest.Generator.Evaluation;

/// <summary>A run measured against the generator's truth.</summary>
public sealed class RunScore
{
    public PrecisionRecall Person { get; } = new();
    public PrecisionRecall A1 { get; } = new();
    public PrecisionRecall Declaration { get; } = new();
    /// <summary>Micro-averaged over (SED, rule) pairs of the rules the truth models.</summary>
    public PrecisionRecall Anomalies { get; } = new();
    /// <summary>
    /// Documents (not versions) invalidated in their current state, by an X008 or an A008 cancellation;
    /// null when the run's current state was not read.
    /// </summary>
    public PrecisionRecall? Invalidation { get; set; }
    public SortedDictionary<string, PrecisionRecall> Rules { get; } = new(StringComparer.Ordinal);
    public long Evaluated { get; set; }
    public long MissingFromRun { get; set; }
    public long RedFlags { get; set; }
    public long FalseRedFlags { get; set; }
    public double FalseRedFlagRate => Evaluated == 0 ? 0 : FalseRedFlags / (double)Evaluated;
    public double AutomationRate => Evaluated == 0 ? 1 : 1 - RedFlags / (double)Evaluated;
}
