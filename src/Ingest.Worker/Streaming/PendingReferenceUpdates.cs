using Ingest.Matching.Indexes;

namespace Ingest.Worker.Streaming;

/// <summary>
/// The reference updates that landed since the stream's ordered stage last looked: the feed's thread
/// adds each update's touched match keys, the ordered stage takes them all at once and re-evaluates
/// only the waiting SEDs they concern. Past <see cref="MaxKeys"/> keys (a reload of the whole
/// register) it stops collecting and concerns every SED, as re-evaluating all of them is then cheaper
/// than holding the keys.
/// </summary>
internal sealed class PendingReferenceUpdates
{
    public const int MaxKeys = 1_000_000;

    private readonly Lock _lock = new();
    private MatchKeySet? _touched;
    private bool _all;

    /// <summary>Called by the feed's thread for each update.</summary>
    public void Add(MatchKeySet touched)
    {
        ArgumentNullException.ThrowIfNull(touched);
        lock (_lock)
        {
            if (_all)
            {
                return;
            }
            _touched = _touched is null ? touched : _touched.Union(touched);
            if (_touched.Count > MaxKeys)
            {
                (_all, _touched) = (true, null);
            }
        }
    }

    /// <summary>The updates since the last call (none: null), and forgets them.</summary>
    public Concern? Take()
    {
        lock (_lock)
        {
            if (!_all && _touched is null)
            {
                return null;
            }
            var concern = new Concern(_all ? null : _touched);
            (_all, _touched) = (false, null);
            return concern;
        }
    }

    /// <summary>Which waiting SEDs a set of updates concerns (all of them when <paramref name="keys"/> is null).</summary>
    public sealed class Concern(MatchKeySet? keys)
    {
        public bool All => keys is null;

        public bool Concerns(SedMatchKeys sed) => keys is null || keys.Touches(sed);
    }
}
