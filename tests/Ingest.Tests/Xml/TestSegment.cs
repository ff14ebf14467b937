using System.Buffers;

namespace Ingest.Tests.Xml;

/// <summary>Builds multi-segment sequences so tests can cut a document anywhere.</summary>
internal sealed class TestSegment : ReadOnlySequenceSegment<byte>
{
    private TestSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Splits <paramref name="data"/> at the given ascending cut offsets (empty segments allowed).</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, IReadOnlyList<int> cuts)
    {
        var first = new TestSegment(data[..(cuts.Count == 0 ? data.Length : cuts[0])], 0);
        var last = first;
        for (var k = 0; k < cuts.Count; k++)
        {
            var end = k + 1 < cuts.Count ? cuts[k + 1] : data.Length;
            var next = new TestSegment(data[cuts[k]..end], cuts[k]);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlySequence<byte> OneBytePerSegment(ReadOnlyMemory<byte> data) =>
        Split(data, Enumerable.Range(1, Math.Max(0, data.Length - 1)).ToArray());
}
