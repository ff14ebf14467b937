using Ingest.Core.Seds;
using Ingest.Generator.Truth;

namespace Ingest.Generator;

/// <summary>One SED unit: the record (exactly what the XML says), its enveloped bytes and its truth.</summary>
public sealed class GeneratedSed
{
    public required SedRecord Record { get; init; }
    public required byte[] Bytes { get; init; }
    public required TruthRecord Truth { get; init; }
    public bool Malformed => Truth.Malformed;
    /// <summary>Batch day (yyyy-MM-dd) and entry name inside the day's zip or folder.</summary>
    public required string Day { get; init; }
    public required string EntryName { get; init; }

    /// <summary>The same SED with its truth corrected once the dossier is emitted.</summary>
    public GeneratedSed WithTruth(TruthRecord truth) => new() { Record = Record, Bytes = Bytes, Truth = truth, Day = Day, EntryName = EntryName };
}
