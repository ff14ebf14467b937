namespace Ingest.Core.Reference;

/// <summary>A portable document A1 held locally (issued here, or received and registered).</summary>
public sealed record A1Certificate
{
    public required string DocumentNumber { get; init; }
    public required string SecurityCode { get; init; }
    /// <summary>Institution that issued it, CC:ID.</summary>
    public required string Issuer { get; init; }
    public required string IssuedOn { get; init; }
    public required string FamilyName { get; init; }
    public required string Forename { get; init; }
    public string? FamilyNameAtBirth { get; init; }
    public required string DateBirth { get; init; }
    public string? Sex { get; init; }
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    public string? Pin { get; init; }
    public string? PinCountry { get; init; }
    public string? EmployerName { get; init; }
    public string? EmployerId { get; init; }
    public string? EmployerCountry { get; init; }
    public bool SelfEmployed { get; init; }
    public required string LegislationState { get; init; }
    /// <summary>Article as written on the certificate, e.g. "12.1", "13.1.b.i", "16".</summary>
    public required string Article { get; init; }
    public required string Start { get; init; }
    public string? End { get; init; }
    /// <summary>issued, withdrawn, expired.</summary>
    public required string Status { get; init; }
    public IReadOnlyList<string> WorkCountries { get; init; } = [];
}
