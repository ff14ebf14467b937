using Ingest.Core.Seds;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;
using Ingest.Normalization.Pins;

namespace Ingest.Normalization;

/// <summary>
/// The stable person key used to partition work (Kafka record keys, evaluator partitions):
/// "P|CC:PIN" from the sending country's usable PIN (else any usable PIN), otherwise
/// "N|sorted name tokens|birth date".
/// </summary>
public static class PersonKeys
{
    public static string For(SedRecord sed)
    {
        var sender = SenderCountry(sed.Envelope.SenderInstitution);
        string? fallback = null;
        foreach (var entry in sed.Person.Pins)
        {
            var pin = PinNormalizer.Normalize(entry.Country, entry.Number);
            if (!pin.IsUsable)
            {
                continue;
            }
            if (pin.Country == sender)
            {
                return "P|" + pin.Key;
            }
            fallback ??= "P|" + pin.Key;
        }
        if (fallback is not null)
        {
            return fallback;
        }
        var name = NameNormalizer.Normalize(sed.Person.FamilyName, sed.Person.Forename);
        return "N|" + name.Key + "|" + (DateNormalizer.ToIso(sed.Person.DateBirth) ?? "");
    }

    /// <summary>The country of an institution id "CC:ID" in the internal scheme, or null.</summary>
    public static string? SenderCountry(string? institution)
    {
        if (string.IsNullOrEmpty(institution))
        {
            return null;
        }
        var colon = institution.IndexOf(':', StringComparison.Ordinal);
        return colon == 2 ? CountryNormalizer.Normalize(institution[..2]) : null;
    }
}
