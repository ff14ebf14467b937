using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>
/// One SED ready to append: its truth line (without <c>frame</c>, ending in a newline), its deflated
/// zip entry when zips are written, and its XML only when a layout writes it as is.
/// </summary>
internal readonly record struct PackedSed(string Day, string EntryName, TruthRecord Truth, int XmlLength, byte[]? Xml, byte[] TruthLine, DeflatedEntry? Entry);
