using Ingest.Core.Reference;
using Ingest.Core.Seds;
using Ingest.Normalization.Employers;
using Ingest.Normalization.Pins;

namespace Ingest.Tests.Matching;

/// <summary>
/// A small world for matcher and rule tests: a Polish worker (Jan Kowalski) posted to France by a
/// Polish employer from 2025-03-10 to 2025-09-30, with a local A1 and a posting declaration that
/// agree with the A009. Each test changes one thing.
/// </summary>
internal static class TestData
{
    public static readonly string Pesel = PeselOf("8005171234");
    public static readonly string OtherPesel = PeselOf("7501011111");
    public const string EmployerVat = "PL5261040828";
    public static readonly string ClientSiret = SiretOf("7328293200007");
    private static int s_documents;

    public static string PeselOf(string body) => body + PolishPesel.Check(body);

    public static string SiretOf(string body13) => body13 + Luhn.CheckDigit(body13);

    public static SedRecord A009(Action<SedRecord>? edit = null) => Sed("A009", s =>
    {
        s.Article = "01";
        edit?.Invoke(s);
    });

    public static SedRecord Sed(string type, Action<SedRecord>? edit = null)
    {
        var s = new SedRecord
        {
            SedType = type,
            CdmVersion = "4.4",
            Envelope = new CaseEnvelope
            {
                CaseId = "C1",
                BucType = type[0] == 'X' ? "LA_BUC_04" : "LA_BUC_" + (type switch { "A001" => "01", "A003" => "02", "A008" => "03", "A010" => "05", _ => "04" }),
                DocumentId = NewDocumentId(),
                DocumentVersion = 1,
                SenderInstitution = "PL:ZUS0001",
                ReceiverInstitution = "FR:URSSAF01",
                ReceivedAt = "2025-03-01T09:13:02Z",
                CreatedAt = "2025-03-01T09:12:44Z",
            },
        };
        var p = s.Person;
        p.FamilyName = "Kowalski";
        p.Forename = "Jan";
        p.DateBirth = "1980-05-17";
        p.Sex = "01";
        p.Pins.Add(new PinEntry { Country = "PL", Number = Pesel });
        p.Nationalities.Add("PL");
        s.Addresses.Add(new AddressEntry { Type = "01", Town = "Kraków", Country = "PL" });
        if (type[0] == 'A' && type is not ("A004" or "A011" or "A012" or "A005" or "A006" or "A002"))
        {
            var employer = new EmployerEntry { Role = EmployerRole.Employer, Name = "Budex Sp. z o.o.", Address = new AddressEntry { Town = "Kraków", Country = "PL" } };
            employer.Ids.Add(new OrganisationId { Number = EmployerVat, Type = "03" });
            s.Employers.Add(employer);
            s.WorkCountries.Add(new WorkCountryEntry { Country = "FR" });
            s.Decision = new DecisionBlock { LegislationState = "PL", InitialDecision = "1", ForDurationOfActivity = "0", PeriodStart = "2025-03-10", PeriodEnd = "2025-09-30" };
        }
        edit?.Invoke(s);
        return s;
    }

    public static string NewDocumentId() => Interlocked.Increment(ref s_documents).ToString("x32");

    public static A1Certificate A1 { get; } = new()
    {
        DocumentNumber = "A1-0001",
        SecurityCode = "SC-1",
        Issuer = "FR:URSSAF01",
        IssuedOn = "2025-02-20",
        FamilyName = "KOWALSKI",
        Forename = "Jan",
        DateBirth = "1980-05-17",
        Sex = "01",
        Nationalities = ["PL"],
        Pin = Pesel,
        PinCountry = "PL",
        EmployerName = "BUDEX SP Z O O",
        EmployerId = EmployerVat,
        EmployerCountry = "PL",
        LegislationState = "PL",
        Article = "12.1",
        Start = "2025-03-10",
        End = "2025-09-30",
        Status = "issued",
        WorkCountries = ["FR"],
    };

    public static PostingDeclaration Declaration { get; } = new()
    {
        DeclarationId = "D-1",
        Status = "active",
        FiledOn = "2025-03-05",
        EmployerName = "Budex Sp. z o.o.",
        EmployerId = EmployerVat,
        EmployerCountry = "PL",
        ClientName = "Bâtiments du Sud",
        ClientSiret = ClientSiret,
        SiteTown = "Lyon",
        WorkerFamilyName = "Kowalski",
        WorkerForename = "Jan",
        WorkerDateBirth = "1980-05-17",
        WorkerNationality = "PL",
        WorkerPin = Pesel,
        WorkerPinCountry = "PL",
        HireDate = "2019-01-01",
        Start = "2025-03-10",
        End = "2025-09-30",
    };
}
