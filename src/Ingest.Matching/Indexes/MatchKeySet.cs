namespace Ingest.Matching.Indexes;

/// <summary>
/// The index keys (PINs, name and name + birth-date blocking keys) of reference records that were
/// added, replaced or removed. Candidates come only from those indexes, so a SED none of whose
/// lookup keys (<see cref="SedMatchKeys"/>) is in the set meets none of those records: its match
/// cannot have changed, and it need not be evaluated again.
/// </summary>
public sealed class MatchKeySet
{
    public static readonly MatchKeySet None = new([]);

    private readonly HashSet<ulong> _keys;

    internal MatchKeySet(HashSet<ulong> keys) => _keys = keys;

    public int Count => _keys.Count;

    public bool Touches(SedMatchKeys sed)
    {
        foreach (var key in sed.Keys)
        {
            if (_keys.Contains(key))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A new set holding the keys of both.</summary>
    public MatchKeySet Union(MatchKeySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return this;
        }
        if (Count == 0)
        {
            return other;
        }
        var keys = new HashSet<ulong>(_keys);
        keys.UnionWith(other._keys);
        return new MatchKeySet(keys);
    }
}

/// <summary>
/// The keys a SED's candidates are looked up by (see <see cref="SedEvaluator.MatchKeysOf"/>), kept
/// with a SED waiting for its reference records so that an update re-evaluates only the SEDs it concerns.
/// </summary>
public readonly struct SedMatchKeys
{
    private readonly ulong[]? _keys;

    internal SedMatchKeys(ulong[] keys) => _keys = keys;

    internal ReadOnlySpan<ulong> Keys => _keys;

    public int Count => _keys?.Length ?? 0;
}
