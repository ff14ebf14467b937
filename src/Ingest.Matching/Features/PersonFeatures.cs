using Ingest.Core.Collections;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;
using Ingest.Normalization.Pins;

namespace Ingest.Matching.Features;

/// <summary>The normalised identity of one person as a SED or a reference record describes it.</summary>
internal sealed class PersonFeatures
{
    public static readonly string[] NoStrings = [];

    public required NormalizedName Name { get; init; }

    /// <summary>Name at birth (family name at birth + forename), empty when not given or equal to <see cref="Name"/>.</summary>
    public required NormalizedName BirthName { get; init; }

    /// <summary>
    /// A Greek or Cyrillic name romanised the way its state prints it (the register's Latin form),
    /// when that differs from the ICAO form in <see cref="Name"/>; empty otherwise.
    /// </summary>
    public NormalizedName NationalName { get; init; } = NormalizedName.Empty;

    /// <summary>DateOnly.DayNumber, or -1 when unknown or invalid.</summary>
    public required int BirthDay { get; init; }

    /// <summary>1 male, 2 female, 0 unknown.</summary>
    public required byte Sex { get; init; }

    /// <summary>Nationalities in the internal country scheme.</summary>
    public required string[] Nationalities { get; init; }

    /// <summary>Usable PINs as "CC:VALUE".</summary>
    public required string[] PinKeys { get; init; }

    public DateOnly? BirthDate => BirthDay >= 0 ? DateOnly.FromDayNumber(BirthDay) : null;

    public static PersonFeatures Create(string? family, string? forename, string? familyAtBirth, string? forenameAtBirth, string? dateBirth, string? sex, IReadOnlyList<string?> nationalities, string[] pinKeys)
    {
        var name = NameNormalizer.Normalize(family, forename);
        var birthName = string.IsNullOrWhiteSpace(familyAtBirth)
            ? NormalizedName.Empty
            : NameNormalizer.Normalize(familyAtBirth, string.IsNullOrWhiteSpace(forenameAtBirth) ? forename : forenameAtBirth);
        if (birthName.Key == name.Key)
        {
            birthName = NormalizedName.Empty;
        }
        var birth = DateNormalizer.Parse(dateBirth);
        return new PersonFeatures
        {
            Name = name,
            NationalName = NameNormalizer.NormalizeNational(family, forename),
            BirthName = birthName,
            BirthDay = birth.IsValid ? birth.Value.DayNumber : -1,
            Sex = SexCode(sex),
            Nationalities = Countries(nationalities),
            PinKeys = pinKeys,
        };
    }

    public static byte SexCode(string? raw) => raw?.Trim() switch
    {
        "01" or "1" or "M" or "m" => 1,
        "02" or "2" or "F" or "f" => 2,
        _ => 0,
    };

    public static string[] PinKeysOf(string? country, string? pin)
    {
        var p = PinNormalizer.Normalize(country, pin);
        return p.IsUsable && p.Country.Length > 0 ? [p.Key] : NoStrings;
    }

    private static string[] Countries(IReadOnlyList<string?> raw)
    {
        if (raw.Count == 0)
        {
            return NoStrings;
        }
        if (raw.Count == 1)
        {
            return CountryNormalizer.Normalize(raw[0]) is { } only && only is not "XU" ? SingleStringArrays.Shared.Of(only) : NoStrings;
        }
        var result = new string[raw.Count];
        var n = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            if (CountryNormalizer.Normalize(raw[i]) is { } cc && cc is not "XU" && Array.IndexOf(result, cc, 0, n) < 0)
            {
                result[n++] = cc;
            }
        }
        // Codes come from the country tables: one shared array a code (most records hold one nationality).
        return n switch { 0 => NoStrings, 1 => SingleStringArrays.Shared.Of(result[0]!), _ => n == result.Length ? result : result[..n] };
    }
}
