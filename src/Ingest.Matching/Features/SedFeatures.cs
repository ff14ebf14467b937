using Ingest.Core.Collections;
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

    /// <summary>
    /// Decision period; null when the start is missing or not a date. An end written but not a date reads
    /// as open here, unlike a register's (<see cref="Ingest.Normalization.Dates.Period.Of"/>): a SED's period
    /// also says what an A008 cancels and what the store's views void, and those read it so; STR-01 flags
    /// the impossible end itself. A 9999 end is open.
    /// </summary>
    public Period? Period => Start.IsValid
        ? new Period(Start.Value, End.IsValid && !Ingest.Normalization.Dates.Period.IsPlaceholderEnd(End.Value) ? End.Value : null)
        : null;

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
        var person = PersonFeatures.Create(p.FamilyName, p.Forename, p.FamilyNameAtBirth, p.ForenameAtBirth, p.DateBirth, p.Sex, p.Nationalities, pinKeys);
        return new SedFeatures
        {
            Sed = sed,
            SedType = sedType,
            Person = person,
            Pins = pins,
            SenderCountry = PersonKeys.SenderCountry(sed.Envelope.SenderInstitution),
            ReceiverCountry = PersonKeys.SenderCountry(sed.Envelope.ReceiverInstitution),
            Received = DateNormalizer.Parse(sed.Envelope.ReceivedAt),
            Created = DateNormalizer.Parse(sed.Envelope.CreatedAt),
            Start = DateNormalizer.Parse(d.PeriodStart),
            End = end,
            OpenPeriod = !string.IsNullOrWhiteSpace(d.OpenPeriodType) || (end.Status == DateStatus.Empty && !string.IsNullOrWhiteSpace(d.PeriodStart))
                || (end.IsValid && Ingest.Normalization.Dates.Period.IsPlaceholderEnd(end.Value)),
            ForDuration = d.ForDurationOfActivity?.Trim() == "1",
            State = CountryNormalizer.Normalize(d.LegislationState),
            Article = ArticleCodes.Normalize(sedType, sed.Article),
            Employers = EmployersOf(sed),
            WorkCountries = WorkCountriesOf(sed),
            ResidenceCountry = Residence(sed),
            PersonKey = usable > 0 ? PersonKeys.For(sed, pins) : NameKey(person),
        };
    }

    /// <summary>
    /// <see cref="PersonKeys.For(SedRecord, ReadOnlySpan{NormalizedPin})"/> for a SED without usable PIN,
    /// "N|name key|yyyy-MM-dd", from the name and birth date already normalised (not a second time).
    /// </summary>
    private static string NameKey(PersonFeatures person)
    {
        var key = person.Name.Key;
        var length = 2 + key.Length + 1 + (person.BirthDay >= 0 ? 10 : 0);
        return string.Create(length, person, static (span, p) =>
        {
            span[0] = 'N';
            span[1] = '|';
            p.Name.Key.CopyTo(span[2..]);
            var at = 2 + p.Name.Key.Length;
            span[at++] = '|';
            if (p.BirthDay >= 0)
            {
                var date = DateOnly.FromDayNumber(p.BirthDay);
                Digits(span.Slice(at, 4), date.Year);
                span[at + 4] = '-';
                Digits(span.Slice(at + 5, 2), date.Month);
                span[at + 7] = '-';
                Digits(span.Slice(at + 8, 2), date.Day);
            }
        });

        static void Digits(Span<char> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--, value /= 10)
            {
                into[i] = (char)('0' + value % 10);
            }
        }
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
            var ids = e.Ids.Count == 0 ? PersonFeatures.NoStrings : new string[e.Ids.Count];
            var count = 0;
            foreach (var id in e.Ids)
            {
                var n = EmployerIdNormalizer.Normalize(id.Number, country);
                if (!n.IsEmpty)
                {
                    ids[count++] = n.Key;
                }
            }
            result[i] = new EmployerFeatures
            {
                Role = e.Role,
                Name = NameNormalizer.Normalize(e.Name),
                IdKeys = count == ids.Length ? ids : ids[..count],
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
        if (sed.WorkCountries.Count == 1)
        {
            // The usual case, and the run history keeps it: one shared array a country.
            return CountryNormalizer.Normalize(sed.WorkCountries[0].Country) is { } only ? SingleStringArrays.Shared.Of(only) : [];
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
