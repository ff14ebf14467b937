using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>
/// The current version of a posting declaration with its normalised fields; as for
/// <see cref="IndexedA1"/>, only the raw fields the rules quote are kept, not the source record.
/// </summary>
internal sealed class IndexedDeclaration : ReferenceRecord
{
    public required int Version { get; init; }

    public required string Status { get; init; }

    public required string? EmployerName { get; init; }

    /// <summary>The A1 the declaration cites, as written.</summary>
    public required string? A1Number { get; init; }

    public required string? EmployerCountry { get; init; }
    public required string ClientKey { get; init; }
    public required DateOnly? HireDate { get; init; }
    public required ulong PersonHash { get; init; }

    public bool IsCancelled => Status.Equals("cancelled", StringComparison.OrdinalIgnoreCase);
}
