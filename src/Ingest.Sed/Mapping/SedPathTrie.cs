using System.Text;

namespace Ingest.Sed.Mapping;

/// <summary>
/// A field map compiled into a trie over element local names (UTF-8). Matching a child is a length
/// check plus a span compare against precomputed bytes: no strings per element.
/// </summary>
internal sealed class SedPathTrie
{
    private readonly List<Node> _nodes = [new Node()];

    public const int Root = 0;

    public int NodeCount => _nodes.Count;

    public SedField FieldOf(int node) => _nodes[node].Field;

    public SedBlock BlockOf(int node) => _nodes[node].Block;

    public bool HasChildren(int node) => _nodes[node].ChildNames.Count > 0;

    /// <summary>Child of <paramref name="node"/> named <paramref name="localName"/>, or -1 (unknown elements are skipped).</summary>
    public int Child(int node, ReadOnlySpan<byte> localName)
    {
        var n = _nodes[node];
        var names = n.Names;
        for (var i = 0; i < names.Length; i++)
        {
            var candidate = names[i];
            if (candidate.Length == localName.Length && localName.SequenceEqual(candidate))
            {
                return n.Targets[i];
            }
        }
        return -1;
    }

    /// <summary>Adds "A/B/c" → field (and/or block). Later additions for the same path override.</summary>
    public void Add(string path, SedField field = SedField.None, SedBlock block = SedBlock.None)
    {
        var node = Root;
        foreach (var part in path.Split('/'))
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            var next = Child(node, bytes);
            if (next < 0)
            {
                next = _nodes.Count;
                _nodes.Add(new Node());
                _nodes[node].AddChild(bytes, next);
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

    private sealed class Node
    {
        public readonly List<byte[]> ChildNames = [];
        public byte[][] Names = [];
        public int[] Targets = [];
        public SedField Field;
        public SedBlock Block;

        public void AddChild(byte[] name, int target)
        {
            ChildNames.Add(name);
            Names = [.. Names, name];
            Targets = [.. Targets, target];
        }
    }
}
