namespace Ingest.Xml.Fast;

/// <summary>Per-thread working memory of <see cref="XmlFastReader"/>, reused across documents: offsets into the document only.</summary>
public sealed class XmlFastScratch
{
    /// <summary>Attributes of one tag the fast reader takes; a tag with more goes to the general reader.</summary>
    internal const int MaxAttributes = 16;

    // Per open element: name start, name length, namespace count before its declarations.
    internal int[] Elements = new int[3 * 32];

    // Per in-scope declaration: prefix start, prefix length (0 for a default namespace), URI start, URI length.
    internal int[] Namespaces = new int[4 * 8];
    internal int NamespaceCount;

    // Per attribute of the current tag: name start, name length, value start, value length.
    internal readonly int[] Attributes = new int[4 * MaxAttributes];

    // Text with entity references, decoded.
    internal byte[] Text = new byte[256];
}
