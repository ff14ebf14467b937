using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>What matching needs from an A1 or a declaration.</summary>
internal interface IReferenceRecord
{
    PersonFeatures Person { get; }
    Period? Period { get; }
    string TargetId { get; }
    /// <summary>Normalised id of the employer (or self-employed activity), "" when none.</summary>
    string EmployerKey { get; }
    /// <summary>Orders records of one person when no period decides: later is preferred.</summary>
    string IssuedOn { get; }
}
