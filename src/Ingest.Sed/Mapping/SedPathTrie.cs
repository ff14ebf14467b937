using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ingest.Sed.Mapping;

/// <summary>
/// A field map compiled into a trie over element local names (UTF-8), stored in flat arrays. Matching a
/// child compares one 64-bit key (length + first bytes) per candidate and only names longer than
/// <see cref="KeyBytes"/> are compared in full: no strings and no pointer chasing per element.
/// </summary>
internal sealed class SedPathTrie
{
    private const int KeyBytes = 7;

    private SedField[] _fields = [SedField.None];
    private SedBlock[] _blocks = [SedBlock.None];
    private Edge[][] _children = [[]];
    private int _count = 1;

    public const int Root = 0;

    public int NodeCount => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SedField FieldOf(int node) => _fields[node];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SedBlock BlockOf(int node) => _blocks[node];

    public bool HasChildren(int node) => _children[node].Length > 0;

    /// <summary>Child of <paramref name="node"/> named <paramref name="localName"/>, or -1 (unknown elements are skipped).</summary>
    public int Child(int node, ReadOnlySpan<byte> localName)
    {
        var key = KeyOf(localName);
        foreach (ref readonly var c in _children[node].AsSpan())
        {
            if (c.Key == key && (localName.Length <= KeyBytes || localName.SequenceEqual(c.Name)))
            {
                return c.Target;
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
                next = NewNode();
                _children[node] = [.. _children[node], new Edge(KeyOf(bytes), bytes, next)];
            }
            node = next;
        }
        if (field != SedField.None)
        {
            _fields[node] = field;
        }
        if (block != SedBlock.None)
        {
            _blocks[node] = block;
        }
    }

    private int NewNode()
    {
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, _count * 2);
            Array.Resize(ref _blocks, _count * 2);
            Array.Resize(ref _children, _count * 2);
        }
        _children[_count] = [];
        return _count++;
    }

    /// <summary>Length in the top byte, then up to <see cref="KeyBytes"/> leading bytes: names up to that length are identified by the key alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong KeyOf(ReadOnlySpan<byte> name)
    {
        ulong head;
        if (name.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(name) & 0x00FF_FFFF_FFFF_FFFFUL;
        }
        else
        {
            head = 0;
            for (var i = 0; i < name.Length; i++)
            {
                head |= (ulong)name[i] << (8 * i);
            }
        }
        return head | ((ulong)Math.Min(name.Length, 255) << 56);
    }

    private readonly record struct Edge(ulong Key, byte[] Name, int Target);
}
