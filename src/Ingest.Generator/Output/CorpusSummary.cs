namespace Ingest.Generator.Output;

public sealed class CorpusSummary
{
    public long Seds { get; set; }
    public long Malformed { get; set; }
    public long Duplicates { get; set; }
    public long A1s { get; set; }
    public long Declarations { get; set; }
    public long XmlBytes { get; set; }
    public SortedDictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> ByCdm { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> RulePositives { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> RuleNearMisses { get; } = new(StringComparer.Ordinal);
    public int Days { get; set; }
    public TimeSpan Elapsed { get; set; }
    /// <summary>Part of <see cref="Elapsed"/> spent on the background reference records (after the SEDs).</summary>
    public TimeSpan BackgroundElapsed { get; set; }
}
