using System.Runtime.InteropServices;

namespace Ingest.Matching.Linking;

/// <summary>
/// The texts a run's history keeps (case and document ids, person keys, names, PINs), each distinct
/// text once, as characters in large arrays addressed by an int id. Nothing in here is an object
/// the garbage collector has to trace or copy: a year's run keeps ~6 texts a SED for its whole
/// length, and as strings they were most of what every young collection promoted. Append-only: a
/// bounded history starts a new table when it compacts (<see cref="RunHistory"/>).
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
    private int[] _table;
    private int _count = 1;

    // Strings handed out for short codes (SED types, countries, articles): a few dozen values a run.
    private readonly Dictionary<int, string> _codes = [];

    public HistoryTexts(int expectedTexts = 0)
    {
        var capacity = (int)Math.Min(1L << 30, Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(expectedTexts, 1) * 2)));
        _table = new int[capacity];
        _slots = new Slot[Math.Max(16, Math.Min(expectedTexts + 1, capacity))];
    }

    /// <summary>How many distinct texts are held (the empty one included).</summary>
    public int Count => _count;

    /// <summary>The id of the text, added when new.</summary>
    public int Intern(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }
        var hash = string.GetHashCode(text);
        var mask = _table.Length - 1;
        var i = hash & mask;
        while (_table[i] is var id and not 0)
        {
            if (_slots[id].Hash == hash && Span(id).SequenceEqual(text))
            {
                return id;
            }
            i = (i + 1) & mask;
        }
        var added = Add(text, hash);
        _table[i] = added;
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }
        return added;
    }

    /// <summary>The id of a text held, without adding it; false when the table never saw it.</summary>
    public bool TryFind(ReadOnlySpan<char> text, out int id)
    {
        id = Empty;
        if (text.IsEmpty)
        {
            return true;
        }
        var hash = string.GetHashCode(text);
        var mask = _table.Length - 1;
        for (var i = hash & mask; _table[i] is var found and not 0; i = (i + 1) & mask)
        {
            if (_slots[found].Hash == hash && Span(found).SequenceEqual(text))
            {
                id = found;
                return true;
            }
        }
        return false;
    }

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

    private int Add(ReadOnlySpan<char> text, int hash)
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
        _slots[_count] = new Slot(_chunks.Count - 1, _chunkUsed, text.Length, hash);
        _chunkUsed += text.Length;
        return _count++;
    }

    private void Rehash()
    {
        var table = new int[_table.Length * 2];
        var mask = table.Length - 1;
        for (var id = 1; id < _count; id++)
        {
            var i = _slots[id].Hash & mask;
            while (table[i] != 0)
            {
                i = (i + 1) & mask;
            }
            table[i] = id;
        }
        _table = table;
    }

    private readonly record struct Slot(int Chunk, int Offset, int Length, int Hash);
}
