using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Ingest.Tests.Xml;

/// <summary>FsCheck generators of documents (well-formed and mutated) and of segmentations.</summary>
internal static class XmlGenerators
{
    public static Gen<byte[]> WellFormed =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(seed => Encoding.UTF8.GetBytes(RandomXmlDocument.Build(seed, size + 1))));

    /// <summary>A well-formed document with one random edit (byte flip, deletion, insertion or truncation): mostly malformed.</summary>
    public static Gen<byte[]> Mutated =>
        from doc in WellFormed
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, Math.Max(0, doc.Length - 1))
        from value in Gen.Elements<byte>((byte)'<', (byte)'>', (byte)'&', (byte)'"', 0xC3, 0xFF, 0x01, (byte)':', (byte)']', (byte)'/', (byte)'=')
        select Mutate(doc, kind, at, value);

    public static Gen<(byte[] Doc, int[] Cuts)> WithCuts(Gen<byte[]> docs) =>
        from doc in docs
        from count in Gen.Choose(0, Math.Min(24, doc.Length))
        from cuts in Gen.ArrayOf(Gen.Choose(1, Math.Max(1, doc.Length - 1)), count)
        select (doc, cuts.Where(c => c < doc.Length).Distinct().Order().ToArray());

    private static byte[] Mutate(byte[] doc, int kind, int where, byte value)
    {
        var list = doc.ToList();
        switch (kind)
        {
            case 0 when list.Count > 0: list[where] = value; break;
            case 1 when list.Count > 0: list.RemoveAt(where); break;
            case 2: list.Insert(where, value); break;
            default: list.RemoveRange(where, list.Count - where); break;
        }
        return list.ToArray();
    }
}
