using System.Runtime.InteropServices;
using Ingest.Matching.Indexes;

namespace Ingest.Matching.Linking;

/// <summary>
/// The texts a run's history keeps (case and document ids, person keys, names, PINs), each distinct
/// text once, as characters in large arrays addressed by an int id. Nothing in here is an object
/// the garbage collector has to trace or copy: a year's run keeps ~6 texts a SED for its whole
/// length, and as strings they were most of what every young collection promoted. Append-only: a
/// bounded history drops a whole generation, its table with it (<see cref="RunHistory"/>).
/// </summary>
/// <remarks>
/// A text is stored as its length (two characters) followed by its characters, and its id is where
/// it starts (chunk and offset packed in the int): finding a text from its id, or confirming a hash
/// match, reads one place in memory. A table of slots beside the characters cost a year's run a
/// second cache miss on every text found (and 12 bytes a text).
/// </remarks>
internal sealed class HistoryTexts
{
    /// <summary>Id of the empty text, which every table holds.</summary>
    public const int Empty = 0;

    private const int ChunkShift = 20;
    private const int ChunkChars = 1 << ChunkShift;
    private const int OffsetMask = ChunkChars - 1;
    // Ids are non-negative ints: 2 048 chunks of 1 M characters, 4 GB of text.
    private const int MaxChunks = 1 << (31 - ChunkShift);
    private const int LengthChars = 2;

    // Arrays of characters and of plain structs: the collector never scans them.
    private char[][] _chunks = new char[4][];
    private int _chunkCount;
    private int _chunkUsed;

    // Open addressing, linear probing, at most half full: each entry is a text's hash (high half) and
    // id (low half; 0 when free), so a probe that passes other texts reads no characters.
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
        // The empty text at id 0: chunk 0, offset 0, length 0.
        NewChunk(ChunkChars);
        _chunks[0][0] = _chunks[0][1] = '\0';
        _chunkUsed = LengthChars;
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
    public int Intern(ReadOnlySpan<char> text) => text.IsEmpty ? Empty : Intern(text, string.GetHashCode(text));

    private int Intern(ReadOnlySpan<char> text, int hash)
    {
        if (Probe(text, hash, out var at) is var found and not Empty)
        {
            return found;
        }
        var added = Add(text);
        _table[at] = Entry(hash, added);
        if (++_count * 2 > _table.Length)
        {
            Rehash();
        }
        return added;
    }

    /// <summary>
    /// <see cref="Intern(string)"/> of each text into <paramref name="ids"/> (a null text gets
    /// <see cref="Empty"/>). A SED brings a dozen texts, most of them in no cache: their table entries,
    /// then the characters of the entries that may hold them, are fetched for all before any is read,
    /// so the misses overlap instead of following one another.
    /// </summary>
    public void InternAll(ReadOnlySpan<string?> texts, Span<int> ids)
    {
        const int Pending = -1;
        Span<int> hashes = stackalloc int[texts.Length];
        var mask = _table.Length - 1;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            if (string.IsNullOrEmpty(text))
            {
                ids[i] = Empty;
            }
            else if (Recent(text) is var known and > 0)
            {
                ids[i] = known;
            }
            else
            {
                ids[i] = Pending;
                hashes[i] = string.GetHashCode(text.AsSpan());
                Prefetch.Element(_table, hashes[i] & mask);
            }
        }
        for (var i = 0; i < texts.Length; i++)
        {
            if (ids[i] == Pending)
            {
                PrefetchCandidate(hashes[i]);
            }
        }
        for (var i = 0; i < texts.Length; i++)
        {
            if (ids[i] == Pending)
            {
                var text = texts[i]!;
                // An earlier text of this call may have been the same one, or grown the table: probe afresh.
                ids[i] = Intern(text.AsSpan(), hashes[i]);
                Remember(text, ids[i]);
            }
        }
    }

    /// <summary>The characters of the first entry on the hash's chain that carries its hash.</summary>
    private void PrefetchCandidate(int hash)
    {
        var mask = _table.Length - 1;
        var wanted = (uint)hash;
        for (var i = hash & mask; _table[i] is var entry and not 0; i = (i + 1) & mask)
        {
            if ((uint)(entry >> 32) == wanted)
            {
                var id = (int)(uint)entry;
                Prefetch.Element(_chunks[id >> ChunkShift], id & OffsetMask);
                return;
            }
        }
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
        var chunk = _chunks[id >> ChunkShift];
        var at = id & OffsetMask;
        var length = chunk[at] | (chunk[at + 1] << 16);
        return chunk.AsSpan(at + LengthChars, length);
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
        var needed = LengthChars + text.Length;
        if (_chunkUsed + needed > _chunks[_chunkCount - 1].Length)
        {
            // A text longer than a chunk gets one of its own, at offset 0.
            NewChunk(Math.Max(ChunkChars, needed));
        }
        var chunk = _chunks[_chunkCount - 1];
        var at = _chunkUsed;
        chunk[at] = (char)text.Length;
        chunk[at + 1] = (char)(text.Length >> 16);
        text.CopyTo(chunk.AsSpan(at + LengthChars));
        _chunkUsed += needed;
        return ((_chunkCount - 1) << ChunkShift) | at;
    }

    private void NewChunk(int chars)
    {
        if (_chunkCount == MaxChunks)
        {
            throw new InvalidOperationException("The run's history holds 4 GB of texts, its limit: split the input into several runs.");
        }
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }
        // Written before read, every character: no need for the allocator to clear it first.
        _chunks[_chunkCount++] = GC.AllocateUninitializedArray<char>(chars);
        _chunkUsed = 0;
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
}
