namespace Ingest.Normalization.Employers;

/// <summary>
/// An employer identifier with formatting stripped. <see cref="Key"/> is what indexes compare: the
/// SIREN for French ids (so SIRET, SIREN and FR VAT of one company agree), else the cleaned value
/// prefixed with its country.
/// </summary>
public readonly record struct NormalizedEmployerId(string Value, EmployerIdKind Kind, bool Valid, string Key, string? Raw)
{
    public bool IsEmpty => Kind == EmployerIdKind.Empty;
}
