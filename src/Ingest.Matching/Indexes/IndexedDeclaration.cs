using Ingest.Core.Reference;
using Ingest.Matching.Features;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Indexes;

/// <summary>The current version of a posting declaration with its normalised fields.</summary>
internal sealed class IndexedDeclaration : IReferenceRecord
{
    private readonly PostingDeclaration _source = null!;

    public required PostingDeclaration Source
    {
        get => _source;
        init
        {
            _source = value;
            // Held here as well: the matcher reads the id of every chosen record, one object nearer.
            TargetId = value.DeclarationId;
        }
    }

    public required PersonFeatures Person { get; init; }
    public required Period? Period { get; init; }
    public required string EmployerKey { get; init; }
    public required string? EmployerCountry { get; init; }
    public required string ClientKey { get; init; }
    public required DateOnly? HireDate { get; init; }
    public required ulong PersonHash { get; init; }

    public string TargetId { get; private init; } = "";

    public string IssuedOn => Source.FiledOn;

    public bool IsCancelled => Source.Status.Equals("cancelled", StringComparison.OrdinalIgnoreCase);
}
