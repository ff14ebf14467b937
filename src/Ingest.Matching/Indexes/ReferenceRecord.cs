using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>
/// What matching needs from an A1 or a declaration. A base class rather than an interface: the
/// matcher's code is shared by both kinds (generic over reference types), and there an interface
/// property is a dispatch stub that loads the record's method table — a cache miss on a cold record —
/// where a base-class property is a field load.
/// </summary>
internal abstract class ReferenceRecord
{
    /// <summary>The A1's document number or the declaration's id.</summary>
    public required string TargetId { get; init; }

    /// <summary>The day the A1 was issued or the declaration filed; orders records of one person when no period decides (later is preferred).</summary>
    public required string IssuedOn { get; init; }

    public required PersonFeatures Person { get; init; }

    public required Period? Period { get; init; }

    /// <summary>Normalised id of the employer (or self-employed activity), "" when none.</summary>
    public required string EmployerKey { get; init; }
}
