namespace Ingest.Generator.Output;

/// <summary>One SED's truth line (without <c>frame</c>, ending in a newline) and its deflated zip entry, if zips are written.</summary>
internal readonly record struct PackedSed(GeneratedSed Sed, byte[] TruthLine, DeflatedEntry? Entry);
