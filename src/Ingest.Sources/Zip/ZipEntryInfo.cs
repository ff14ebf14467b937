namespace Ingest.Sources.Zip;

/// <summary>One central-directory record: where an entry's bytes are and what they should expand to.</summary>
internal readonly record struct ZipEntryInfo(
    string Name,
    ushort Method,
    ushort Flags,
    long CompressedSize,
    long UncompressedSize,
    long LocalHeaderOffset,
    uint Crc32)
{
    public const ushort Stored = 0;
    public const ushort Deflated = 8;

    public bool IsDirectory => Name.EndsWith('/');

    public bool IsEncrypted => (Flags & 1) != 0;
}
