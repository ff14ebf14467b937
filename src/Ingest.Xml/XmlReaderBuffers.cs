namespace Ingest.Xml;

/// <summary>
/// Reusable scratch memory of one reader: open elements, namespace scopes, the current tag's
/// attributes and decoded values, and the buffer a token split across segments is joined in.
/// Reuse one instance per thread so a document costs no allocation once the arrays have grown.
/// </summary>
public sealed class XmlReaderBuffers
{
    internal byte[] NameBytes = new byte[1024];
    internal int NameBytesUsed;
    internal ElementEntry[] Elements = new ElementEntry[32];
    internal int Depth;

    internal byte[] NsBytes = new byte[512];
    internal int NsBytesUsed;
    internal NamespaceEntry[] Namespaces = new NamespaceEntry[16];
    internal int NamespaceCount;

    // Bumped by every namespace declaration; with NamespaceCount it tells whether the prefix cache still holds.
    internal int NamespaceGeneration;
    internal ulong PrefixCacheKey;
    internal int PrefixCacheLength = -1;
    internal int PrefixCacheCount;
    internal int PrefixCacheGeneration;
    internal int PrefixCacheIndex;

    internal AttributeSlot[] Attributes = new AttributeSlot[16];
    internal byte[] AttributeValues = new byte[256];
    internal int AttributeValuesUsed;

    internal byte[] Text = new byte[256];
    internal byte[] Join = new byte[256];

    internal void Reset()
    {
        NameBytesUsed = 0;
        Depth = 0;
        NsBytesUsed = 0;
        NamespaceCount = 0;
        NamespaceGeneration++;
        AttributeValuesUsed = 0;
    }

    internal static void Grow<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }

    internal struct ElementEntry
    {
        public int NameStart;
        public int NameLength;
        public int PrefixLength;
        public int NamespaceIndex;
        public int NamespaceCountBefore;
        public int NsBytesBefore;
        /// <summary>Default namespace in scope inside this element, so unprefixed names resolve in O(1).</summary>
        public int DefaultNamespaceIndex;
    }

    internal struct NamespaceEntry
    {
        public int PrefixStart;
        public int PrefixLength;
        public int UriStart;
        public int UriLength;
    }

    internal struct AttributeSlot
    {
        public int NameStart;
        public int NameLength;
        public int PrefixLength;
        public int ValueStart;
        public int ValueLength;
        public bool ValueDecoded;
        public int NamespaceIndex;
        public int Offset;
    }
}
