using Ingest.Core.Reference;
using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>An A1 certificate with its normalised fields, as held by a snapshot.</summary>
internal sealed class IndexedA1 : IReferenceRecord
{
    private readonly A1Certificate _source = null!;

    public required A1Certificate Source
    {
        get => _source;
        init
        {
            _source = value;
            // Held here as well: the matcher reads the id of every chosen record, one object nearer.
            TargetId = value.DocumentNumber;
        }
    }

    public required PersonFeatures Person { get; init; }
    public required Period? Period { get; init; }
    public required string? State { get; init; }
    public required string EmployerKey { get; init; }
    public required string? EmployerCountry { get; init; }
    public required string Article { get; init; }
    public required ulong PersonHash { get; init; }

    /// <summary>Country of the issuing institution ("FR" for "FR:URSSAF01"), or null.</summary>
    public string? IssuerCountry { get; init; }

    public string TargetId { get; private init; } = "";

    public string IssuedOn => Source.IssuedOn;

    public bool IsWithdrawn => Source.Status.Equals("withdrawn", StringComparison.OrdinalIgnoreCase);

    public bool IsExpired => Source.Status.Equals("expired", StringComparison.OrdinalIgnoreCase);
}
