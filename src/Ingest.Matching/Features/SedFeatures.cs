using Ingest.Core.Seds;
using Ingest.Normalization;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Employers;
using Ingest.Normalization.Names;
using Ingest.Normalization.Pins;

namespace Ingest.Matching.Features;

/// <summary>Everything rules and matching read from one SED, normalised once.</summary>
internal sealed class SedFeatures
{
    public required SedRecord Sed { get; init; }
    public required string SedType { get; init; }
    public required PersonFeatures Person { get; init; }
    public required NormalizedPin[] Pins { get; init; }
    public required string? SenderCountry { get; init; }
    public required string? ReceiverCountry { get; init; }
    public required ParsedDate Received { get; init; }
    public required ParsedDate Created { get; init; }
    public required ParsedDate Start { get; init; }
    public required ParsedDate End { get; init; }
    public required bool OpenPeriod { get; init; }
    public required bool ForDuration { get; init; }
    public required string? State { get; init; }
    public required string Article { get; init; }
    public required EmployerFeatures[] Employers { get; init; }
    public required string[] WorkCountries { get; init; }
    public required string? ResidenceCountry { get; init; }
    public required string PersonKey { get; init; }

    /// <summary>Decision period; null when the start is missing or not a date.</summary>
    public Period? Period => Start.IsValid ? new Period(Start.Value, End.AsNullable) : null;

    /// <summary>"Today" for this SED: when it was received (batch reruns stay reproducible).</summary>
    public DateOnly? Now => Received.AsNullable ?? Created.AsNullable;

    /// <summary>Issue date: creation, else reception.</summary>
    public DateOnly? IssueDate => Created.AsNullable ?? Received.AsNullable;

    public bool IsDecision => SedType is "A003" or "A009" or "A010";

    public bool IsASed => SedType.Length == 4 && SedType[0] == 'A';

    public bool IsXSed => SedType.Length == 4 && SedType[0] == 'X';

    public bool HasPerson => !Person.Name.IsEmpty || Person.BirthDay >= 0;

    public static SedFeatures From(SedRecord sed)
    {
        var p = sed.Person;
        var pins = new NormalizedPin[p.Pins.Count];
        var usable = 0;
        for (var i = 0; i < pins.Length; i++)
        {
            pins[i] = PinNormalizer.Normalize(p.Pins[i].Country, p.Pins[i].Number);
            if (pins[i].IsUsable && pins[i].Country.Length > 0)
            {
                usable++;
            }
        }
        var pinKeys = usable == 0 ? PersonFeatures.NoStrings : new string[usable];
        for (int i = 0, j = 0; i < pins.Length; i++)
        {
            if (pins[i].IsUsable && pins[i].Country.Length > 0)
            {
                pinKeys[j++] = pins[i].Key;
            }
        }
        var sedType = sed.SedType.Trim().ToUpperInvariant();
        var d = sed.Decision;
        var end = DateNormalizer.Parse(d.PeriodEnd);
        return new SedFeatures
        {
            Sed = sed,
            SedType = sedType,
            Person = PersonFeatures.Create(p.FamilyName, p.Forename, p.FamilyNameAtBirth, p.ForenameAtBirth, p.DateBirth, p.Sex, p.Nationalities, pinKeys),
            Pins = pins,
            SenderCountry = PersonKeys.SenderCountry(sed.Envelope.SenderInstitution),
            ReceiverCountry = PersonKeys.SenderCountry(sed.Envelope.ReceiverInstitution),
            Received = DateNormalizer.Parse(sed.Envelope.ReceivedAt),
            Created = DateNormalizer.Parse(sed.Envelope.CreatedAt),
            Start = DateNormalizer.Parse(d.PeriodStart),
            End = end,
            OpenPeriod = !string.IsNullOrWhiteSpace(d.OpenPeriodType) || (end.Status == DateStatus.Empty && !string.IsNullOrWhiteSpace(d.PeriodStart)),
            ForDuration = d.ForDurationOfActivity?.Trim() == "1",
            State = CountryNormalizer.Normalize(d.LegislationState),
            Article = ArticleCodes.Normalize(sedType, sed.Article),
            Employers = EmployersOf(sed),
            WorkCountries = WorkCountriesOf(sed),
            ResidenceCountry = Residence(sed),
            PersonKey = PersonKeys.For(sed, pins),
        };
    }

    private static EmployerFeatures[] EmployersOf(SedRecord sed)
    {
        if (sed.Employers.Count == 0)
        {
            return [];
        }
        var result = new EmployerFeatures[sed.Employers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var e = sed.Employers[i];
            var country = CountryNormalizer.Normalize(e.Address?.Country);
            var ids = new List<string>(e.Ids.Count);
            foreach (var id in e.Ids)
            {
                var n = EmployerIdNormalizer.Normalize(id.Number, country);
                if (!n.IsEmpty)
                {
                    ids.Add(n.Key);
                }
            }
            result[i] = new EmployerFeatures
            {
                Role = e.Role,
                Name = NameNormalizer.Normalize(e.Name),
                IdKeys = [.. ids],
                Country = country,
                Marginal = e.MarginalActivity?.Trim() == "1",
            };
        }
        return result;
    }

    private static string[] WorkCountriesOf(SedRecord sed)
    {
        if (sed.WorkCountries.Count == 0)
        {
            return [];
        }
        var list = new List<string>(sed.WorkCountries.Count);
        foreach (var w in sed.WorkCountries)
        {
            if (CountryNormalizer.Normalize(w.Country) is { } cc && !list.Contains(cc))
            {
                list.Add(cc);
            }
        }
        return [.. list];
    }

    private static string? Residence(SedRecord sed)
    {
        foreach (var a in sed.Addresses)
        {
            if (a.Type?.Trim() is "01" or "1")
            {
                return CountryNormalizer.Normalize(a.Country);
            }
        }
        return null;
    }
}
