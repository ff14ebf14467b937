namespace Ingest.Generator.Population;

/// <summary>A generated person: the truth the SEDs, A1s and declarations describe (with noise) .</summary>
public sealed class Person
{
    public required string Id { get; init; }
    public required string FamilyName { get; set; }
    public required string Forename { get; set; }
    /// <summary>Native-script names (Greek, Cyrillic) when the person has them.</summary>
    public string? NativeFamilyName { get; init; }
    public string? NativeForename { get; init; }
    public string? FamilyNameAtBirth { get; init; }
    public required bool Female { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required string BirthTown { get; init; }
    public required string BirthCountry { get; init; }
    public required List<string> Nationalities { get; init; }
    public required bool ThirdCountryNational { get; init; }
    /// <summary>Country whose legislation normally applies (where the person works and is insured).</summary>
    public required string HomeCountry { get; init; }
    /// <summary>PIN by country (canonical form).</summary>
    public required Dictionary<string, string> Pins { get; init; }
    public required Address Residence { get; set; }

    public string Sex => Female ? "02" : "01";
}
