namespace Ingest.Core.Reference;

/// <summary>A posting declaration received locally (France: SIPSI), one posted worker per record.</summary>
public sealed record PostingDeclaration
{
    public required string DeclarationId { get; init; }
    /// <summary>1 for the original, +1 per amendment.</summary>
    public int Version { get; init; } = 1;
    /// <summary>active, amended, cancelled.</summary>
    public required string Status { get; init; }
    public required string FiledOn { get; init; }
    public required string EmployerName { get; init; }
    public string? EmployerId { get; init; }
    public required string EmployerCountry { get; init; }
    public string? ClientName { get; init; }
    public string? ClientSiret { get; init; }
    public string? SiteTown { get; init; }
    public string? SitePostalCode { get; init; }
    public required string WorkerFamilyName { get; init; }
    public required string WorkerForename { get; init; }
    public required string WorkerDateBirth { get; init; }
    public string? WorkerNationality { get; init; }
    public string? WorkerPin { get; init; }
    public string? WorkerPinCountry { get; init; }
    public string? HireDate { get; init; }
    public required string Start { get; init; }
    public required string End { get; init; }
    /// <summary>The A1 document number the employer cited, if any.</summary>
    public string? A1Number { get; init; }
}
