namespace Ingest.Normalization.Employers;

public enum EmployerIdKind : byte
{
    Empty = 0,
    Siren = 1,
    Siret = 2,
    Vat = 3,
    /// <summary>A registration or social-security number without a format we verify.</summary>
    Other = 4,
}
