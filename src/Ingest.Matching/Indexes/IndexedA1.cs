using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>
/// An A1 certificate with its normalised fields, as held by a snapshot. The source record is not
/// kept: only the few raw fields the rules quote are copied (references to the reader's strings), so
/// a snapshot of a million certificates does not also hold a million source objects.
/// </summary>
internal sealed class IndexedA1 : ReferenceRecord
{
    public required string Status { get; init; }

    public required string? EmployerName { get; init; }

    public required string? State { get; init; }
    public required string? EmployerCountry { get; init; }
    public required string Article { get; init; }
    public required ulong PersonHash { get; init; }

    /// <summary>Country of the issuing institution ("FR" for "FR:URSSAF01"), or null.</summary>
    public string? IssuerCountry { get; init; }

    public bool IsWithdrawn => Status.Equals("withdrawn", StringComparison.OrdinalIgnoreCase);

    public bool IsExpired => Status.Equals("expired", StringComparison.OrdinalIgnoreCase);
}
