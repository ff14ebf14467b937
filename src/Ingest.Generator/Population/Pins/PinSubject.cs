namespace Ingest.Generator.Population.Pins;

/// <summary>What a national number encodes about its holder.</summary>
public readonly record struct PinSubject(DateOnly BirthDate, bool Female, string FamilyName, string Forename, string BirthCountry);
