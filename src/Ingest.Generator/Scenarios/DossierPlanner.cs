using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios;

/// <summary>Plans the natural (un-injected) story of a dossier from its own random stream.</summary>
public sealed class DossierPlanner(GeneratorOptions options)
{
    private static readonly double[] s_kindWeights = [64.0, 27.0, 2.0, 1.2, 0.3];
    private static readonly string[] s_changeTypes = ["period", "workplace", "address", "name", "cancellation"];
    private static readonly double[] s_changeWeights = [40, 20, 15, 5, 20];
    private static readonly string[] s_otherX = ["X001", "X009", "X010", "X012", "X013", "X005", "X007", "X011", "X050", "X100"];
    private static readonly string[] s_a003Articles = ["10", "11", "15", "17"];
    private static readonly double[] s_a003Weights = [60, 25, 10, 5];
    private static readonly string[] s_a010Articles = ["02", "06", "07", "20"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dossier Plan(long index, DetRandom rng)
    {
        var dossier = new Dossier { Index = index };
        var kind = (CaseKind)rng.Weighted(s_kindWeights);
        var home = PopulationFactory.PickSender(rng);
        var sector = PopulationFactory.PickSector(rng);
        var person = PopulationFactory.CreatePerson(PersonId(index, 0), home, sector, rng, options.ThirdCountryShare);
        dossier.Persons.Add(person);
        var start = options.StartDate.AddDays(rng.Next(options.Days));
        var selfEmployed = kind is CaseKind.Posting && rng.Chance(0.05);
        var employer = selfEmployed ? SelfEmployedActivity(index, person, home, sector, start, rng)
            : PopulationFactory.CreateEmployer(EmployerId(index, 0), home, sector, letterbox: rng.Chance(0.02), start, rng);
        var site = PopulationFactory.CreateSite(rng);

        var episodes = kind == CaseKind.Posting ? 1 + rng.Weighted([75.0, 18.0, 7.0]) : 1;
        for (var i = 0; i < episodes; i++)
        {
            var e = NewEpisode(kind, index, i, person, employer, home, rng);
            e.Site = site;
            e.SelfEmployed = selfEmployed;
            e.Start = start;
            switch (kind)
            {
                case CaseKind.Posting:
                    PlanPosting(e, rng);
                    break;
                case CaseKind.MultiState:
                    PlanMultiState(e, index, rng);
                    break;
                case CaseKind.OtherArticle:
                    e.Article = rng.Pick(s_a010Articles);
                    e.End = start.AddDays(rng.Next(365, 4 * 365));
                    e.Issued = start.AddDays(rng.Next(-30, 40));
                    break;
                case CaseKind.Exception:
                    e.Article = "08";
                    e.End = start.AddMonths(rng.Next(25, 60)).AddDays(-1);
                    e.Issued = start.AddDays(-rng.Next(20, 90));
                    e.Reply = rng.Chance(0.75) ? "A011" : rng.Chance(0.5) ? "A002" : null;
                    break;
                case CaseKind.OrphanX:
                    e.OtherXType = rng.Pick(s_otherX);
                    e.Issued = start;
                    break;
            }
            dossier.Episodes.Add(e);
            // Successive postings of the same worker leave at least ~2.5 months between them.
            start = (e.End ?? start.AddDays(365)).AddDays(75 + (int)(rng.NextDouble() * 200));
            if (start > options.StartDate.AddDays(options.Days + 180))
            {
                break;
            }
        }
        return dossier;
    }

    public static string PersonId(long dossier, int n) => "P" + dossier.ToString("D8", CultureInfo.InvariantCulture) + (n == 0 ? "" : "-" + n.ToString(CultureInfo.InvariantCulture));

    public static string EmployerId(long dossier, int n) => "E" + dossier.ToString("D8", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture);

    public static string CaseId(long dossier, int n) => (10_000_000L + dossier * 4 + n).ToString(CultureInfo.InvariantCulture);

    private static Episode NewEpisode(CaseKind kind, long index, int n, Person person, Employer employer, CountryProfile home, DetRandom rng) => new()
    {
        Kind = kind,
        CaseId = CaseId(index, n),
        Person = person,
        Employer = employer,
        SendingCountry = home.Code,
        SenderInstitution = rng.Pick(home.Institutions),
        LegislationState = home.Code,
        Article = "01",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Employer SelfEmployedActivity(long index, Person person, CountryProfile home, string sector, DateOnly start, DetRandom rng)
    {
        var e = PopulationFactory.CreateEmployer(EmployerId(index, 0), home, sector, letterbox: false, start, rng);
        return new Employer
        {
            Id = e.Id, Name = person.Forename + " " + person.FamilyName, Country = e.Country, RegistrationNumber = e.RegistrationNumber,
            SocialSecurityNumber = e.SocialSecurityNumber, FiscalNumber = e.FiscalNumber, Address = person.Residence, Sector = sector,
            RegisteredOn = e.RegisteredOn,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlanPosting(Episode e, DetRandom rng)
    {
        e.Article = e.SelfEmployed ? "02" : "01";
        e.End = e.Start.AddDays(Durations.PostingDays(rng) - 1);
        // Issued around the start: most in advance, some a few weeks late, never past 90 days naturally.
        e.Issued = e.Start.AddDays(Math.Clamp((int)(rng.Normal() * 18) - 8, -45, 60));
        if (e.Issued > e.End.Value)
        {
            e.Issued = e.End.Value;
        }
        e.WantsA1 = rng.Chance(0.72);
        e.WantsDeclaration = !e.SelfEmployed && rng.Chance(0.86);
        e.HireDaysBefore = rng.Chance(0.9) ? rng.Next(60, 4000) : rng.Next(35, 60);
        e.DeclarationCites = e.WantsA1 && rng.Chance(0.5) ? "own" : null;
        if (e.Person.Pins.Count < 2 && rng.Chance(0.22))
        {
            PopulationFactory.AddFrenchPin(e.Person, rng);
        }
        PlanFollowUps(e, rng);
        e.InfoRequest = rng.Chance(0.015);
        if (rng.Chance(0.085))
        {
            e.ChangeType = s_changeTypes[rng.Weighted(s_changeWeights)];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PlanMultiState(Episode e, long index, DetRandom rng)
    {
        e.Article = s_a003Articles[rng.Weighted(s_a003Weights)];
        e.End = e.Start.AddMonths(rng.Next(12, 37)).AddDays(-1);
        e.Issued = e.Start.AddDays(rng.Next(-20, 50));
        e.WorkCountries.Clear();
        e.WorkCountries.Add(e.SendingCountry);
        e.WorkCountries.Add("FR");
        if (rng.Chance(0.15))
        {
            var third = PopulationFactory.PickSender(rng).Code;
            if (!e.WorkCountries.Contains(third))
            {
                e.WorkCountries.Add(third);
            }
        }
        var otherCountry = CountryProfiles.Get(e.WorkCountries[rng.Next(1, e.WorkCountries.Count)] == "FR" && e.WorkCountries.Count > 2 ? e.WorkCountries[2] : e.SendingCountry);
        e.OtherEmployer = rng.Chance(0.4)
            ? PopulationFactory.CreateEmployer(EmployerId(index, 1), otherCountry, e.Employer.Sector, false, e.Start, rng)
            : null;
        e.SelfEmployed = e.Article is "15";
        PlanFollowUps(e, rng);
        e.Reply = rng.Chance(0.022) ? "A004" : rng.Chance(0.07) ? "A012" : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlanFollowUps(Episode e, DetRandom rng)
    {
        e.ExtraVersion = rng.Chance(0.075);
        e.MaterialChangeInVersion = e.ExtraVersion && rng.Chance(0.4);
        e.Amendment = rng.Chance(0.035);
        e.Invalidate = rng.Chance(0.011);
        if (rng.Chance(0.07))
        {
            e.OtherXType = rng.Pick(s_otherX);
        }
    }
}
