namespace Ingest.Matching.Indexes;

/// <summary>
/// Holds the current snapshot for live updates: readers take <see cref="Current"/> once per SED
/// and keep using that instance; a writer builds a new snapshot off to the side and swaps it in
/// atomically. No locks on the read path.
/// </summary>
public sealed class ReferenceSnapshotHolder(ReferenceSnapshot initial)
{
    private ReferenceSnapshot _current = initial;

    public ReferenceSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Publishes a new snapshot and returns the one it replaced.</summary>
    public ReferenceSnapshot Swap(ReferenceSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }
}
