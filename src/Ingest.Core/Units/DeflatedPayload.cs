namespace Ingest.Core.Units;

/// <summary>
/// A unit whose payload is still raw deflate (a zip entry read without inflating, so that parse
/// workers inflate in parallel): what the archive says it expands to.
/// </summary>
public sealed record DeflatedPayload(int ExpandedLength, uint Crc32);
