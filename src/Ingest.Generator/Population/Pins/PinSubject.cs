namespace Ingest.Generator.Population.Pins;

/// <summary>What a national number encodes about its holder.</summary>
public readonly record struct PinSubject(DateOnly BirthDate, bool Female, string FamilyName, string Forename, string BirthCountry)
{
    /// <summary>
    /// A number no other holder has (0: none). Formats that encode no birth date take their digits
    /// from it, one to one, so two holders never share a PIN, as in a real register: drawn at random,
    /// a year's million persons gave 964 PINs to two people each. Formats built on the birth date
    /// draw their serial, whose range a real register fills in order.
    /// </summary>
    public ulong Number { get; init; }
}
