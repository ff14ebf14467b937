namespace Ingest.Matching;

/// <summary>Counts of one evaluator: how many SEDs were decided automatically and how many went to review.</summary>
public sealed class AutomationStats
{
    private long _evaluated;
    private long _review;

    public long Evaluated => Interlocked.Read(ref _evaluated);

    /// <summary>SEDs with a RED or BLOCK finding: out of automatic processing.</summary>
    public long Review => Interlocked.Read(ref _review);

    public long Automatic => Evaluated - Review;

    /// <summary>Share decided automatically, 0..1 (1 when nothing was evaluated).</summary>
    public double AutomationRate => Evaluated == 0 ? 1 : (double)Automatic / Evaluated;

    internal void Count(bool review)
    {
        Interlocked.Increment(ref _evaluated);
        if (review)
        {
            Interlocked.Increment(ref _review);
        }
    }
}
