namespace Ingest.Core.Units;

/// <summary>
/// Where one input unit came from: a file, a zip entry ("archive.zip!entry.xml"), a frame inside a
/// multi-document file, or a Kafka record ("topic/partition@offset"). Offset is the unit's first
/// byte inside its source, so error offsets can be reported in source coordinates.
/// </summary>
public readonly record struct UnitId(string Source, string? Entry, long Offset)
{
    public override string ToString() => Entry is null ? Source : $"{Source}!{Entry}";
}
