using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>
/// One SED ready to append: where its truth line (without <c>frame</c>, ending in a newline) and its
/// deflated zip entry sit in the block's buffer, and its XML only when a layout writes it as is.
/// </summary>
internal readonly record struct PackedSed(string Day, string EntryName, TruthRecord Truth, int XmlLength, byte[]? Xml, Range TruthLine, Range Entry, uint Crc32);
