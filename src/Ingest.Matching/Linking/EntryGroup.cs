namespace Ingest.Matching.Linking;

/// <summary>
/// The history entries under one key (a case, a person, a name), in arrival order: one entry held
/// as itself, more in a list. Most people and names see one SED in a run, so the common group costs
/// no object of its own (a list and its array per key were ~90 bytes a SED over a year's run).
/// </summary>
internal readonly struct EntryGroup
{
    private readonly object? _value;

    private EntryGroup(object? value) => _value = value;

    public int Count => _value switch
    {
        null => 0,
        List<HistoryEntry> list => list.Count,
        _ => 1,
    };

    public HistoryEntry this[int index] => _value is List<HistoryEntry> list
        ? list[index]
        : index == 0 && _value is HistoryEntry single ? single : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>This group with <paramref name="entry"/> appended (the group's list grows in place).</summary>
    public EntryGroup With(HistoryEntry entry) => _value switch
    {
        null => new EntryGroup(entry),
        List<HistoryEntry> list => Append(list, entry),
        _ => new EntryGroup(new List<HistoryEntry>(2) { (HistoryEntry)_value, entry }),
    };

    /// <summary>This group without <paramref name="entry"/> (by reference; the group's list shrinks in place).</summary>
    public EntryGroup Without(HistoryEntry entry) => _value switch
    {
        null => this,
        List<HistoryEntry> list => Remove(list, entry),
        _ => ReferenceEquals(_value, entry) ? default : this,
    };

    public HistoryEntry[] ToArray() => _value switch
    {
        null => [],
        List<HistoryEntry> list => [.. list],
        _ => [(HistoryEntry)_value],
    };

    public Enumerator GetEnumerator() => new(this);

    private EntryGroup Remove(List<HistoryEntry> list, HistoryEntry entry)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], entry))
            {
                list.RemoveAt(i);
                break;
            }
        }
        return list.Count == 0 ? default : this;
    }

    private EntryGroup Append(List<HistoryEntry> list, HistoryEntry entry)
    {
        list.Add(entry);
        return this;
    }

    public struct Enumerator(EntryGroup group)
    {
        private readonly int _count = group.Count;
        private int _index = -1;

        public readonly HistoryEntry Current => group[_index];

        public bool MoveNext() => ++_index < _count;
    }
}
