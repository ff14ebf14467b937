namespace Ingest.Matching;

/// <summary>Thresholds and delays of matching and of the control rules.</summary>
public sealed class EvaluatorOptions
{
    /// <summary>Person score from which a candidate is taken as the same person.</summary>
    public double AcceptThreshold { get; set; } = 0.86;

    /// <summary>Person score from which a candidate is shown for review (below: unmatched).</summary>
    public double ReviewThreshold { get; set; } = 0.74;

    /// <summary>Two different persons closer than this are ambiguous (ID-02).</summary>
    public double AmbiguityMargin { get; set; } = 0.03;

    /// <summary>Name similarity below which an identified person's name is reported (ID-06).</summary>
    public double NameMismatchThreshold { get; set; } = 0.80;

    /// <summary>Candidates read per index key: very common names are capped, not scanned whole.</summary>
    public int MaxCandidatesPerKey { get; set; } = 64;

    /// <summary>Days after the period start beyond which a decision counts as retroactive (PER-06).</summary>
    public int RetroactiveDays { get; set; } = 90;

    /// <summary>Days after a declared posting started before a missing A009 and A1 are reported (POST-02).</summary>
    public int DeclarationGraceDays { get; set; } = 30;

    /// <summary>When the SED carries no usable reception date, "today" for date rules.</summary>
    public DateOnly? Today { get; set; }

    /// <summary>Keep the per-run history that cross-SED rules read (chains, conflicts, invalidations).</summary>
    public bool TrackHistory { get; set; } = true;

    /// <summary>
    /// Most SEDs the history remembers; past it the oldest are forgotten (cross-SED rules no longer
    /// see them), half the bound at a time, so it always remembers at least the latest half. Unbounded
    /// for a nightly run, which must see its whole input; a worker that runs for months sets a bound
    /// (about 0.6 KB a SED) and leaves the long view to the nightly run.
    /// </summary>
    public int MaxHistoryEntries { get; set; } = int.MaxValue;

    /// <summary>
    /// SEDs the run expects (a nightly run counts its input first; 0: unknown): the history's tables are
    /// sized for them once. Grown by doubling, each table rehashed every entry on the ordered stage at
    /// each step and left the old one, a large object, to a full collection: a year's run made ~330 MB
    /// of such garbage. A hint only: more SEDs than expected still fit.
    /// </summary>
    public int ExpectedSeds { get; set; }

    /// <summary>
    /// SED types whose conformity with an A1 and a declaration is reported as match results: the
    /// posting decision (A009, the A1's electronic twin). Other types are still matched for the
    /// rules and linked to the person, but a reminder or a reply "conform to an A1" means nothing.
    /// </summary>
    public IReadOnlySet<string> ReportedMatchTypes { get; set; } = new HashSet<string>(StringComparer.Ordinal) { "A009" };

    public static EvaluatorOptions Default => new();
}
