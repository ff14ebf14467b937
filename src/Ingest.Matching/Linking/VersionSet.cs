namespace Ingest.Matching.Linking;

/// <summary>
/// The SED versions a history generation holds, by (case, document, version) text ids, for the
/// duplicate check, each with a hash of the unit it was first read from (a redelivered Kafka record
/// is the same unit, a second delivery by the sender another one): open addressing over the identities
/// themselves, so an addition or a lookup reads one place, where a <see cref="HashSet{T}"/> of tuples
/// read a bucket and then an entry elsewhere (a slot is 20 bytes: mostly one cache line).
/// </summary>
internal sealed class VersionSet
{
    private Slot[] _slots;
    private int _count;

    public VersionSet(int expected)
    {
        _slots = new Slot[Capacity(expected)];
    }

    public int Count => _count;

    public bool Contains(int caseId, int documentId, int version) => TryGetUnit(caseId, documentId, version, out _);

    /// <summary>Whether the identity is held, and the hash of the unit it was added with.</summary>
    public bool TryGetUnit(int caseId, int documentId, int version, out int unit)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = Hash(caseId, documentId, version) & mask; slots[i].Used; i = (i + 1) & mask)
        {
            ref readonly var s = ref slots[i];
            if (s.Case == caseId && s.Document == documentId && s.Version == version)
            {
                unit = s.Unit;
                return true;
            }
        }
        unit = 0;
        return false;
    }

    /// <summary>Adds the identity, read from the unit of hash <paramref name="unit"/>; false when it was there already.</summary>
    public bool Add(int caseId, int documentId, int version, int unit = 0)
    {
        if ((_count + 1) * 10L > _slots.Length * 7L)
        {
            Grow();
        }
        if (!Place(_slots, caseId, documentId, version, unit))
        {
            return false;
        }
        _count++;
        return true;
    }

    private static bool Place(Slot[] slots, int caseId, int documentId, int version, int unit)
    {
        var mask = slots.Length - 1;
        var i = Hash(caseId, documentId, version) & mask;
        for (; slots[i].Used; i = (i + 1) & mask)
        {
            ref readonly var s = ref slots[i];
            if (s.Case == caseId && s.Document == documentId && s.Version == version)
            {
                return false;
            }
        }
        slots[i] = new Slot(caseId, documentId, version, unit, true);
        return true;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        foreach (ref readonly var s in _slots.AsSpan())
        {
            if (s.Used)
            {
                Place(slots, s.Case, s.Document, s.Version, s.Unit);
            }
        }
        _slots = slots;
    }

    private static int Capacity(int expected) =>
        (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expected * 10L / 7 + 1, 16, 1 << 30));

    private static int Hash(int caseId, int documentId, int version)
    {
        // Text ids are handed out in order: mix them so that neighbours spread over the table.
        var h = ((ulong)(uint)caseId * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)documentId * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)(uint)version * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h >> 32) & int.MaxValue;
    }

    private readonly record struct Slot(int Case, int Document, int Version, int Unit, bool Used);
}
