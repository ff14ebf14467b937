using System.Runtime.InteropServices;

namespace Ingest.Matching.Linking;

/// <summary>
/// The texts a run's history keeps (case and document ids, person keys, names, PINs), each distinct
/// text once, as characters in large arrays addressed by an int id. Nothing in here is an object
/// the garbage collector has to trace or copy: a year's run keeps ~6 texts a SED for its whole
/// length, and as strings they were most of what every young collection promoted. Append-only: a
/// bounded history drops a whole generation, its table with it (<see cref="RunHistory"/>).
/// </summary>
internal sealed class HistoryTexts
{
    /// <summary>Id of the empty text, which every table holds.</summary>
    public const int Empty = 0;

    private const int ChunkChars = 1 << 20;

    // Arrays of characters and of plain structs: the collector never scans them.
    private readonly List<char[]> _chunks = [];
    private int _chunkUsed;
    private Slot[] _slots;

    // Open addressing, linear probing, at most half full: each entry is a text's hash (high half) and
    // id (low half; 0 when free), so a probe that passes other texts reads no slot and no characters.
    private ulong[] _table;
    private int _count = 1;

    // Strings handed out for short codes (SED types, countries, articles): a few dozen values a run.
    private readonly Dictionary<int, string> _codes = [];

    // The same strings come back a SED at a time (its case id to the duplicate check, the case's view,
    // the registration; a SED type, a country): the last few found, by reference, skip the hashing.
    private readonly string?[] _recentTexts = new string?[RecentCount];
    private readonly int[] _recentIds = new int[RecentCount];
    private int _recentNext;
    private const int RecentCount = 8;

    public HistoryTexts(int expectedTexts = 0)
    {
        var capacity = (int)Math.Min(1L << 30, Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(expectedTexts, 1) * 2)));
        _table = new ulong[capacity];
        _slots = new Slot[Math.Max(16, Math.Min(expectedTexts + 1, capacity))];
    }

    /// <summary>How many distinct texts are held (the empty one included).</summary>
    public int Count => _count;

    /// <summary>The id of the text, added when new.</summary>
    public int Intern(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }
        if (Recent(text) is var known and > 0)
        {
            return known;
        }
        var id = Intern(text.AsSpan());
        Remember(text, id);
        return id;
    }

    /// <summary>The id of the text, added when new.</summary>
    public int Intern(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }
        var hash = string.GetHashCode(text);
        if (Probe(text, hash, out var at) is var found and not Empty)
        {
            return found;
        }
        var added = Add(text);
        _table[at] = Entry(hash, added);
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }
        return added;
    }

    /// <summary>The id of a text held, without adding it; false when the table never saw it.</summary>
    public bool TryFind(string text, out int id)
    {
        if (text.Length == 0)
        {
            id = Empty;
            return true;
        }
        if (Recent(text) is var known and > 0)
        {
            id = known;
            return true;
        }
        id = Probe(text, string.GetHashCode(text.AsSpan()), out _);
        if (id == Empty)
        {
            return false;
        }
        Remember(text, id);
        return true;
    }

    private int Recent(string text)
    {
        for (var i = 0; i < RecentCount; i++)
        {
            if (ReferenceEquals(_recentTexts[i], text))
            {
                return _recentIds[i];
            }
        }
        return Empty;
    }

    private void Remember(string text, int id)
    {
        _recentTexts[_recentNext] = text;
        _recentIds[_recentNext] = id;
        _recentNext = (_recentNext + 1) & (RecentCount - 1);
    }

    /// <summary>The text's id, or <see cref="Empty"/> with <paramref name="free"/> the entry where it would go.</summary>
    private int Probe(ReadOnlySpan<char> text, int hash, out int free)
    {
        var mask = _table.Length - 1;
        var wanted = (uint)hash;
        var i = hash & mask;
        for (; _table[i] is var entry and not 0; i = (i + 1) & mask)
        {
            if ((uint)(entry >> 32) == wanted && Span((int)(uint)entry).SequenceEqual(text))
            {
                free = -1;
                return (int)(uint)entry;
            }
        }
        free = i;
        return Empty;
    }

    private static ulong Entry(int hash, int id) => (ulong)(uint)hash << 32 | (uint)id;

    public ReadOnlySpan<char> Span(int id)
    {
        if (id == Empty)
        {
            return default;
        }
        ref readonly var slot = ref _slots[id];
        return _chunks[slot.Chunk].AsSpan(slot.Offset, slot.Length);
    }

    /// <summary>The text as a new string (for the views handed to rules, which die with the SED).</summary>
    public string Text(int id) => id == Empty ? "" : new string(Span(id));

    /// <summary>The text as one shared string: for the few short codes repeated by every SED.</summary>
    public string Code(int id)
    {
        if (id == Empty)
        {
            return "";
        }
        ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(_codes, id, out _);
        return code ??= new string(Span(id));
    }

    /// <summary>
    /// The id of a list of texts, each followed by a NUL (text from XML never holds one): the empty
    /// list is the empty text, and a list of one empty text is not.
    /// </summary>
    public int InternList(string[] values)
    {
        if (values.Length == 0)
        {
            return Empty;
        }
        var length = values.Length;
        foreach (var v in values)
        {
            length += v.Length;
        }
        Span<char> joined = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        foreach (var v in values)
        {
            v.CopyTo(joined[at..]);
            at += v.Length;
            joined[at++] = '\0';
        }
        return Intern(joined);
    }

    /// <summary>A list held by <see cref="InternList"/>, as new strings.</summary>
    public string[] List(int id)
    {
        var joined = Span(id);
        if (joined.IsEmpty)
        {
            return [];
        }
        var values = new string[joined.Count('\0')];
        var i = 0;
        foreach (var range in joined[..^1].Split('\0'))
        {
            values[i++] = new string(joined[range]);
        }
        return values;
    }

    private int Add(ReadOnlySpan<char> text)
    {
        if (_chunks.Count == 0 || _chunkUsed + text.Length > _chunks[^1].Length)
        {
            _chunks.Add(new char[Math.Max(ChunkChars, text.Length)]);
            _chunkUsed = 0;
        }
        text.CopyTo(_chunks[^1].AsSpan(_chunkUsed));
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }
        _slots[_count] = new Slot(_chunks.Count - 1, _chunkUsed, text.Length);
        _chunkUsed += text.Length;
        return _count++;
    }

    private void Rehash()
    {
        var table = new ulong[_table.Length * 2];
        var mask = table.Length - 1;
        foreach (var entry in _table)
        {
            if (entry == 0)
            {
                continue;
            }
            var i = (int)(entry >> 32) & mask;
            while (table[i] != 0)
            {
                i = (i + 1) & mask;
            }
            table[i] = entry;
        }
        _table = table;
    }

    private readonly record struct Slot(int Chunk, int Offset, int Length);
}
