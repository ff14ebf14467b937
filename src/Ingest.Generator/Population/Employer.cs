namespace Ingest.Generator.Population;

/// <summary>A sending employer (or a self-employed person's activity) in its home country.</summary>
public sealed class Employer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string SocialSecurityNumber { get; init; }
    public required string FiscalNumber { get; init; }
    public required Address Address { get; init; }
    /// <summary>construction, transport, agriculture, industry, services, temporary-work.</summary>
    public required string Sector { get; init; }
    /// <summary>Letterbox-like (POST-07 proxies): recently registered, domiciliation address, most postings to France.</summary>
    public bool Letterbox { get; init; }
    public DateOnly RegisteredOn { get; init; }

    /// <summary>The same employer seated at another address.</summary>
    public Employer At(Address address) => new()
    {
        Id = Id, Name = Name, Country = Country, RegistrationNumber = RegistrationNumber, SocialSecurityNumber = SocialSecurityNumber,
        FiscalNumber = FiscalNumber, Address = address, Sector = Sector, Letterbox = Letterbox, RegisteredOn = RegisteredOn,
    };
}
