using System.Runtime.CompilerServices;
using System.Text;
using Ingest.Xml.Fast;

namespace Ingest.Sed.Mapping;

/// <summary>
/// A field map compiled into a trie over element local names (UTF-8). A child is found in two steps:
/// first the child that followed the same sibling last time (SEDs follow their schema's order), checked
/// by name; then one open-addressing table holding every edge, keyed by (parent node, name key). No
/// per-node edge list to walk and no string. Everything the mapper needs about a node sits in one
/// 32-byte record. See <see cref="NameKey"/>.
/// </summary>
internal sealed class SedPathTrie
{
    // The prefix the documents are expected to give the map's elements (only a guess, see XmlNameGuess).
    private readonly string? _guessPrefix;
    private Node[] _nodes = new Node[16];
    private byte[][] _names = new byte[16][];
    // Each node's name as the fast reader's guess (see XmlNameGuess), indexed like the nodes; node 0 guesses nothing.
    private XmlNameGuess[] _guesses = new XmlNameGuess[16];
    private int _count = 1;

    // Edge table, capacity a power of two kept at most half full; Target 0 marks an empty slot (the root is nobody's child).
    private Edge[] _edges = new Edge[64];
    private int _edgeCount;
    private int _shift = 64 - 6;

    public const int Root = 0;

    /// <param name="guessPrefix">The prefix the map's elements usually have in documents (e.g. the SBDH envelope's "sbdh"), for the guesses.</param>
    public SedPathTrie(string? guessPrefix = null) => _guessPrefix = guessPrefix;

    /// <summary>The element names the map knows (one per node, repeats included).</summary>
    public IEnumerable<byte[]> Names => _names.Skip(1).Take(_count - 1);

    /// <summary>Everything about a node (field, block, learned guesses), in one read: the mapper's step into an element.</summary>
    public ref readonly Node NodeAt(int node) => ref _nodes[node];

    /// <summary>The nodes' names as guesses of the next start tag, indexed by node (0: no guess).</summary>
    public XmlNameGuess[] Guesses => _guesses;

    /// <summary>
    /// Child of <paramref name="node"/> named <paramref name="localName"/>, or -1 (unknown elements are skipped).
    /// <paramref name="previousChild"/> is the last child of <paramref name="node"/> found in this document (0 for none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int node, int previousChild, ReadOnlySpan<byte> localName)
    {
        var n = localName.Length;
        if (n is 0 or > NameKey.MaxLength)
        {
            return -1;
        }
        var key = new NameKey(localName);
        // Guesses only ever hold children of the same parent (a first child of node, or a sibling that
        // followed previousChild), so a name match proves the guess right; threads sharing a map may
        // overwrite each other's guesses, which only costs a lookup.
        var nodes = _nodes;
        var guess = previousChild > 0 ? nodes[previousChild].NextGuess : nodes[node].FirstGuess;
        ref readonly var g = ref nodes[guess];
        if (guess > 0 && g.Length == n && g.Key.Equals(key) && (n <= NameKey.ExactLength || NameKey.LongEquals(localName, _names[guess])))
        {
            return guess;
        }
        return LookupAndLearn(node, previousChild, key, localName);
    }

    /// <summary>Child by name alone, through the edge table.</summary>
    public int Child(int node, ReadOnlySpan<byte> localName) =>
        localName.Length is 0 or > NameKey.MaxLength ? -1 : Lookup(node, new NameKey(localName), localName);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int LookupAndLearn(int node, int previousChild, NameKey key, ReadOnlySpan<byte> localName)
    {
        var child = Lookup(node, key, localName);
        if (child > 0)
        {
            if (previousChild > 0)
            {
                _nodes[previousChild].NextGuess = child;
            }
            else
            {
                _nodes[node].FirstGuess = child;
            }
        }
        return child;
    }

    private int Lookup(int node, NameKey key, ReadOnlySpan<byte> localName)
    {
        var tag = ((uint)node << 8) | (uint)localName.Length;
        var edges = _edges;
        var mask = edges.Length - 1;
        for (var slot = key.Hash(tag, _shift); ; slot = (slot + 1) & mask)
        {
            ref readonly var e = ref edges[slot];
            if (e.Target == 0)
            {
                return -1;
            }
            if (e.Tag == tag && e.Key.Equals(key) && (localName.Length <= NameKey.ExactLength || NameKey.LongEquals(localName, _names[e.Target])))
            {
                return e.Target;
            }
        }
    }

    /// <summary>Adds "A/B/c" → field (and/or block). Later additions for the same path override.</summary>
    public void Add(string path, SedField field = SedField.None, SedBlock block = SedBlock.None)
    {
        var node = Root;
        foreach (var part in path.Split('/'))
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            if (bytes.Length is 0 or > NameKey.MaxLength)
            {
                throw new ArgumentException($"element name '{part}' is empty or too long for a field map", nameof(path));
            }
            var next = Child(node, bytes);
            if (next < 0)
            {
                next = NewNode(bytes);
                Insert(node, bytes, next);
            }
            node = next;
        }
        if (field != SedField.None)
        {
            _nodes[node].Field = field;
        }
        if (block != SedBlock.None)
        {
            _nodes[node].Block = block;
        }
    }

    private int NewNode(byte[] name)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _guesses, _count * 2);
        }
        _names[_count] = name;
        _guesses[_count] = new XmlNameGuess(_guessPrefix is null ? name : Encoding.UTF8.GetBytes($"{_guessPrefix}:{Encoding.UTF8.GetString(name)}"));
        _nodes[_count] = new Node { Key = new NameKey(name), Length = (byte)name.Length };
        return _count++;
    }

    private void Insert(int parent, byte[] name, int target)
    {
        if ((_edgeCount + 1) * 2 > _edges.Length)
        {
            var old = _edges;
            _edges = new Edge[old.Length * 2];
            _shift--;
            _edgeCount = 0;
            foreach (var e in old)
            {
                if (e.Target != 0)
                {
                    Place(e);
                }
            }
        }
        Place(new Edge(new NameKey(name), ((uint)parent << 8) | (uint)name.Length, target));
    }

    private void Place(Edge edge)
    {
        var mask = _edges.Length - 1;
        var slot = edge.Key.Hash(edge.Tag, _shift);
        while (_edges[slot].Target != 0)
        {
            slot = (slot + 1) & mask;
        }
        _edges[slot] = edge;
        _edgeCount++;
    }

    internal struct Node
    {
        public NameKey Key;
        /// <summary>The child that came first last time (learned).</summary>
        public int FirstGuess;
        /// <summary>The sibling that followed this node last time (learned).</summary>
        public int NextGuess;
        public byte Length;
        public SedField Field;
        public SedBlock Block;
    }

    private readonly record struct Edge(NameKey Key, uint Tag, int Target);
}
