using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Core.Reference;
using Ingest.Generator.Population;
using Ingest.Generator.Scenarios;

namespace Ingest.Generator.Reference;

/// <summary>Turns an episode's reference wishes into the A1 and declaration records the controller holds.</summary>
public static class ReferenceBuilder
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Date(DateOnly d) => Dates.Iso(d);

    public static string SecurityCode(DetRandom rng) => string.Create(10, rng, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[r.Next(Alphabet.Length)];
        }
    });

    public static string A1Number(string country, DateOnly issued, string caseId, int n) =>
        country + "-" + issued.Year.ToString(CultureInfo.InvariantCulture) + "-" + caseId + "-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The case whose posting an A1 number belongs to, for a posting's own A1 ("CC-YYYY-CASE-1"), else null.</summary>
    public static string? CaseOfOwnA1(string documentNumber)
    {
        var parts = documentNumber.Split('-');
        return parts.Length == 4 && parts[3] == "1" ? parts[2] : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Build(Episode e, DetRandom rng)
    {
        if (e.WantsA1 && e.Kind == CaseKind.Posting)
        {
            e.A1 = IncomingA1(e, rng);
        }
        if (e.FrenchA1GapDays is { } gap)
        {
            var end = e.Start.AddDays(-gap - 1);
            var p = e.Person;
            e.FrenchA1 = new A1Certificate
            {
                DocumentNumber = A1Number("FR", end.AddDays(-200), e.CaseId, 9),
                SecurityCode = SecurityCode(rng),
                Issuer = "FR:URSSAF01",
                IssuedOn = Date(end.AddDays(-220)),
                FamilyName = p.FamilyName, Forename = p.Forename, FamilyNameAtBirth = p.FamilyNameAtBirth, DateBirth = Date(p.BirthDate),
                Sex = p.Sex, Nationalities = [.. p.Nationalities], Pin = p.Pins.GetValueOrDefault("FR") ?? p.Pins.GetValueOrDefault(p.HomeCountry),
                PinCountry = p.Pins.ContainsKey("FR") ? "FR" : p.HomeCountry,
                EmployerName = "Société Générale de Bâtiment SAS", EmployerId = Siret.Generate(rng), EmployerCountry = "FR",
                LegislationState = "FR", Article = "12.1", Start = Date(end.AddDays(-200)), End = Date(end), Status = "issued",
                WorkCountries = [e.SendingCountry],
            };
        }
        if (e.WantsDeclaration && e.End is { } stop && e.Site is { } site)
        {
            var p = e.Person;
            var employer = e.Employer;
            var cites = e.DeclarationCites switch
            {
                "own" => e.A1?.DocumentNumber,
                "unknown" => A1Number(e.SendingCountry, e.Issued, "9" + e.CaseId, 7),
                "expired" => A1Number(e.SendingCountry, e.Start.AddYears(-2), e.CaseId, 8),
                _ => null,
            };
            e.Declaration = new PostingDeclaration
            {
                DeclarationId = "SIPSI-" + e.CaseId,
                Version = 1,
                Status = e.DeclarationCancelled ? "cancelled" : "active",
                FiledOn = Date(e.Start.AddDays(-rng.Next(1, 20))),
                EmployerName = e.DeclarationEmployerDiffers ? "Interim Services Europe " + rng.Pick(["SRL", "Sp. z o.o.", "Lda.", "S.L."])
                    : e.DeclarationEmployerVariant ? employer.Name.ToUpperInvariant() : employer.Name,
                EmployerId = e.DeclarationEmployerDiffers ? "X" + rng.Digits(9) : employer.RegistrationNumber,
                EmployerCountry = employer.Country,
                ClientName = site.ClientName,
                ClientSiret = site.ClientSiret,
                SiteTown = site.Address.Town,
                SitePostalCode = site.Address.PostalCode,
                WorkerFamilyName = p.FamilyName,
                WorkerForename = p.Forename,
                WorkerDateBirth = Date(p.BirthDate),
                WorkerNationality = p.Nationalities[0],
                WorkerPin = p.Pins.GetValueOrDefault(p.HomeCountry),
                WorkerPinCountry = p.HomeCountry,
                HireDate = Date(e.Start.AddDays(-e.HireDaysBefore)),
                Start = Date(e.Start),
                End = Date(stop.AddDays(e.DeclarationExtraDays)),
                A1Number = cites,
            };
        }
    }

    /// <summary>An older A1 of the same person, now expired, that a declaration may wrongly cite (CERT-02).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static A1Certificate? ExpiredA1(Episode e, DetRandom rng)
    {
        if (e.DeclarationCites != "expired" || e.Declaration?.A1Number is not { } number)
        {
            return null;
        }
        var start = e.Start.AddYears(-2);
        return IncomingA1(e, rng) with
        {
            DocumentNumber = number, IssuedOn = Date(start.AddDays(-10)), Start = Date(start), End = Date(start.AddDays(120)), Status = "expired",
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static A1Certificate IncomingA1(Episode e, DetRandom rng)
    {
        var p = e.Person;
        var birth = p.BirthDate;
        var sex = p.Sex;
        var nationalities = p.Nationalities;
        var pin = p.Pins.GetValueOrDefault(e.SendingCountry);
        switch (e.A1Disagrees)
        {
            case "birth":
                birth = birth.AddDays(rng.Chance(0.5) ? 1 : 31);
                break;
            case "sex":
                sex = p.Female ? "01" : "02";
                break;
            case "nationality":
                nationalities = [p.Nationalities.Contains("UA") ? "MD" : "UA"];
                break;
            case "pin":
                pin = PinFormatsFor(e.SendingCountry, p, rng);
                break;
        }
        return new A1Certificate
        {
            DocumentNumber = A1Number(e.SendingCountry, e.Issued, e.CaseId, 1),
            SecurityCode = SecurityCode(rng),
            Issuer = e.SenderInstitution,
            IssuedOn = Date(e.Issued),
            FamilyName = p.FamilyName, Forename = p.Forename, FamilyNameAtBirth = p.FamilyNameAtBirth, DateBirth = Date(birth), Sex = sex,
            Nationalities = [.. nationalities], Pin = pin, PinCountry = pin is null ? null : e.SendingCountry,
            EmployerName = e.Employer.Name, EmployerId = e.Employer.RegistrationNumber, EmployerCountry = e.Employer.Country,
            SelfEmployed = e.SelfEmployed, LegislationState = e.LegislationState, Article = e.SelfEmployed ? "12.2" : "12.1",
            Start = Date(e.Start), End = e.End is { } end ? Date(end) : null, Status = e.A1Status, WorkCountries = [.. e.WorkCountries],
        };
    }

    private static string PinFormatsFor(string country, Person p, DetRandom rng) =>
        Population.Pins.PinFormats.For(country).Generate(new Population.Pins.PinSubject(p.BirthDate, p.Female, p.FamilyName, p.Forename, p.BirthCountry), rng);
}
