using System.Globalization;
using Ingest.Core.Reference;
using Ingest.Core.Seds;
using Ingest.Generator;
using Ingest.Generator.Population.Pins;

namespace Ingest.Benchmarks.Matching;

/// <summary>
/// Deterministic synthetic reference data and SEDs for the matching benchmark: names from
/// syllable pools (about 60 000 family names), birth dates over 50 years, PINs for 90 % of people,
/// about 10 000 employers. Strings repeat through pools, as interned values would in production.
/// </summary>
internal sealed class SyntheticReference
{
    private static readonly string[] s_syllables = ["ko", "wal", "ski", "no", "wak", "mul", "ler", "du", "bois", "pa", "pa", "do", "pou", "los", "iva", "nov", "ber", "nar", "di", "ros", "si", "lva", "fer", "re", "ira", "hor", "vat", "ne", "mec", "ma", "rin", "lu", "ca", "pe", "tru", "tes", "cu", "gar", "cia", "ze"];
    private static readonly string[] s_forenames = ["Jan", "Anna", "Piotr", "Maria", "Ion", "Elena", "Hans", "Eva", "João", "Ana", "Jean", "Marie", "Luca", "Giulia", "Georgios", "Eleni", "Tomasz", "Katarzyna", "Mihai", "Ioana", "Karel", "Petra", "Miguel", "Lucía", "Dimitar", "Ivana", "Ján", "Zuzana", "Peter", "Sofia"];
    private static readonly string[] s_countries = ["PL", "RO", "DE", "PT", "ES", "IT", "BG", "CZ", "SK", "AT", "BE", "NL"];

    private readonly string[] _families;
    private readonly string[] _dates;
    private readonly string[] _periodStarts;
    private readonly string[] _periodEnds;
    private readonly string[] _employers;

    public SyntheticReference(int seed)
    {
        var rng = new Random(seed);
        _families = new string[60_000];
        for (var i = 0; i < _families.Length; i++)
        {
            var n = rng.Next(2, 5);
            var s = "";
            for (var k = 0; k < n; k++)
            {
                s += s_syllables[rng.Next(s_syllables.Length)];
            }
            _families[i] = char.ToUpperInvariant(s[0]) + s[1..] + (i % 97 == 0 ? "-" + s_syllables[i % s_syllables.Length] : "");
        }
        _dates = new string[18_262];
        var d0 = new DateOnly(1955, 1, 1);
        for (var i = 0; i < _dates.Length; i++)
        {
            _dates[i] = d0.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        _periodStarts = new string[1_500];
        _periodEnds = new string[1_500];
        var p0 = new DateOnly(2021, 1, 1);
        for (var i = 0; i < _periodStarts.Length; i++)
        {
            _periodStarts[i] = p0.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _periodEnds[i] = p0.AddDays(i + 30 + (i * 7919 % 300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        _employers = new string[10_000];
        for (var i = 0; i < _employers.Length; i++)
        {
            _employers[i] = "PL" + (5_000_000_000L + i * 7_919L).ToString(CultureInfo.InvariantCulture);
        }
    }

    public readonly record struct Person(string Family, string Forename, string DateBirth, string? PinCountry, string? Pin, string Nationality, string Employer, int Period);

    public Person PersonAt(int i)
    {
        var h = (uint)(i * 2654435761u);
        var country = s_countries[h % (uint)s_countries.Length];
        // Independent hashes per attribute, so that a family name does not imply a birth date.
        var f = (uint)((i + 1) * 2246822519u);
        var d = (uint)((i + 7) * 3266489917u);
        var family = _families[(int)(f % (uint)_families.Length)];
        var forename = s_forenames[(int)((f >> 20) % (uint)s_forenames.Length)];
        var date = _dates[(int)(d % (uint)_dates.Length)];
        string? pin = null;
        if (h % 10 != 0)
        {
            // A number the normaliser accepts as valid (format, check digit, the birth date it encodes),
            // as the register's PINs are: an invalid one is not looked up, and the SED would take the
            // slower name stages. The serial is drawn from the person's index, so it is reproducible.
            var subject = new PinSubject(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), Female: false, family, forename, country);
            pin = PinFormats.For(country).Generate(subject, new DetRandom((ulong)i));
        }
        return new Person(family, forename, date, pin is null ? null : country, pin, country, _employers[i % _employers.Length], (int)((d >> 16) % (uint)_periodStarts.Length));
    }

    public IEnumerable<A1Certificate> A1s(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var p = PersonAt(i);
            yield return new A1Certificate
            {
                DocumentNumber = "A1-" + i.ToString(CultureInfo.InvariantCulture),
                SecurityCode = "SC",
                Issuer = "FR:URSSAF01",
                IssuedOn = _periodStarts[p.Period],
                FamilyName = p.Family,
                Forename = p.Forename,
                DateBirth = p.DateBirth,
                Sex = "01",
                Nationalities = [p.Nationality],
                Pin = p.Pin,
                PinCountry = p.PinCountry,
                EmployerName = "Employer",
                EmployerId = p.Employer,
                EmployerCountry = "PL",
                LegislationState = p.Nationality,
                Article = "12.1",
                Start = _periodStarts[p.Period],
                End = _periodEnds[p.Period],
                Status = "issued",
            };
        }
    }

    public IEnumerable<PostingDeclaration> Declarations(int count, int offset)
    {
        for (var i = 0; i < count; i++)
        {
            // Half of the declared workers also hold an A1, half do not.
            var p = PersonAt(i % 2 == 0 ? i : offset + i);
            yield return new PostingDeclaration
            {
                DeclarationId = "D-" + i.ToString(CultureInfo.InvariantCulture),
                Status = "active",
                FiledOn = _periodStarts[p.Period],
                EmployerName = "Employer",
                EmployerId = p.Employer,
                EmployerCountry = "PL",
                ClientSiret = null,
                ClientName = "Client " + ((uint)(i * 2246822519u) % 200_000).ToString(CultureInfo.InvariantCulture),
                WorkerFamilyName = p.Family,
                WorkerForename = p.Forename,
                WorkerDateBirth = p.DateBirth,
                WorkerNationality = p.Nationality,
                WorkerPin = p.Pin,
                WorkerPinCountry = p.PinCountry,
                HireDate = "2015-01-01",
                Start = _periodStarts[p.Period],
                End = _periodEnds[p.Period],
            };
        }
    }

    /// <summary>A009s: 80 % about known people (a third without PIN, some with a typo), 20 % strangers.</summary>
    public SedRecord[] Seds(int count, int population, int seed)
    {
        var rng = new Random(seed);
        var result = new SedRecord[count];
        for (var i = 0; i < count; i++)
        {
            var known = rng.Next(10) < 8;
            var p = PersonAt(known ? rng.Next(population) : population * 3 + rng.Next(population));
            var family = known && rng.Next(10) == 0 ? p.Family[..^1] + "y" : p.Family;
            var s = new SedRecord
            {
                SedType = "A009",
                CdmVersion = "4.4",
                Article = "01",
                Envelope = new CaseEnvelope
                {
                    CaseId = "C" + i.ToString(CultureInfo.InvariantCulture),
                    DocumentId = i.ToString("x32", CultureInfo.InvariantCulture),
                    SenderInstitution = p.Nationality + ":INST0001",
                    ReceiverInstitution = "FR:URSSAF01",
                    ReceivedAt = "2024-06-01T10:00:00Z",
                    CreatedAt = "2024-06-01T09:00:00Z",
                },
                Decision = new DecisionBlock { LegislationState = p.Nationality, InitialDecision = "1", PeriodStart = _periodStarts[p.Period], PeriodEnd = _periodEnds[p.Period] },
            };
            s.Person.FamilyName = family;
            s.Person.Forename = p.Forename;
            s.Person.DateBirth = p.DateBirth;
            s.Person.Sex = "01";
            s.Person.Nationalities.Add(p.Nationality);
            if (p.Pin is not null && rng.Next(3) != 0)
            {
                s.Person.Pins.Add(new PinEntry { Country = p.PinCountry, Number = p.Pin });
            }
            var employer = new EmployerEntry { Role = EmployerRole.Employer, Name = "Employer", Address = new AddressEntry { Country = "PL" } };
            employer.Ids.Add(new OrganisationId { Number = p.Employer, Type = "03" });
            s.Employers.Add(employer);
            s.WorkCountries.Add(new WorkCountryEntry { Country = "FR" });
            s.Addresses.Add(new AddressEntry { Type = "01", Country = p.Nationality });
            result[i] = s;
        }
        return result;
    }
}
