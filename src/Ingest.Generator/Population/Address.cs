namespace Ingest.Generator.Population;

public sealed record Address(string Street, string Town, string PostalCode, string Country, string? Region = null);
