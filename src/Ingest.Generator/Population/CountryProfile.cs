namespace Ingest.Generator.Population;

/// <summary>
/// Names, places and institutions of one country. Family names with a feminine form are written
/// "masculine/feminine". Native-script lists (Greek, Bulgarian Cyrillic) are aligned index by index
/// with the Latin lists.
/// </summary>
public sealed class CountryProfile
{
    public required string Code { get; init; }
    public double SenderWeight { get; init; }
    public required string[] Institutions { get; init; }
    public required string[] FamilyNames { get; init; }
    public required string[] MaleNames { get; init; }
    public required string[] FemaleNames { get; init; }
    public string[]? NativeFamilyNames { get; init; }
    public string[]? NativeMaleNames { get; init; }
    public string[]? NativeFemaleNames { get; init; }
    /// <summary>"Town|postal code".</summary>
    public required string[] Towns { get; init; }
    public required string[] Streets { get; init; }
    /// <summary>{0} street, {1} number.</summary>
    public string StreetFormat { get; init; } = "{0} {1}";
    public required string[] CompanyStems { get; init; }
    public required string[] CompanyForms { get; init; }
    private FamilyNamePool? _familyPool;

    /// <summary>The listed family names and the rarer ones spliced from them, built at first use.</summary>
    public FamilyNamePool FamilyPool => LazyInitializer.EnsureInitialized(ref _familyPool, () => FamilyNamePool.Build(this));

    /// <summary>Share of persons with a native-script name written in native script by the sender.</summary>
    public double NativeScriptShare { get; init; }
}
