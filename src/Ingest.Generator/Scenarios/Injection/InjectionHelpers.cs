using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios.Injection;

internal static class InjectionHelpers
{
    /// <summary>Restarts the dossier as one plain posting so that the injected shape is not blurred by follow-ups.</summary>
    public static Episode Single(Dossier d)
    {
        var e = d.Episodes[0];
        d.Episodes.RemoveRange(1, d.Episodes.Count - 1);
        e.ExtraVersion = false;
        e.MaterialChangeInVersion = false;
        e.Amendment = false;
        e.Invalidate = false;
        e.ChangeType = null;
        e.OtherXType = null;
        e.InfoRequest = false;
        return e;
    }

    public static void Mark(Episode e, string rule, bool positive) => (positive ? e.Injected : e.NearMisses).Add(rule);

    public static void Period(Episode e, int days)
    {
        e.End = e.Start.AddDays(days - 1);
        e.Issued = e.Start.AddDays(-5);
    }

    public static Episode Follow(Dossier d, Episode prev, int gapDays, int days, int n)
    {
        var e = new Episode
        {
            Kind = CaseKind.Posting,
            CaseId = DossierPlanner.CaseId(d.Index, n),
            Person = prev.Person,
            Employer = prev.Employer,
            Site = prev.Site,
            SendingCountry = prev.SendingCountry,
            SenderInstitution = prev.SenderInstitution,
            LegislationState = prev.LegislationState,
            Article = prev.Article,
            SelfEmployed = prev.SelfEmployed,
            Start = prev.End!.Value.AddDays(gapDays + 1),
            WantsA1 = prev.WantsA1,
            WantsDeclaration = prev.WantsDeclaration,
            HireDaysBefore = prev.HireDaysBefore + 400,
        };
        Period(e, days);
        d.Episodes.Add(e);
        return e;
    }

    public static string OtherState(string country) => country == "DE" ? "AT" : "DE";

    public static Person ThirdCountryPerson(Dossier d, CountryProfile home, string sector, DetRandom rng) =>
        PopulationFactory.CreatePerson(d.Persons[0].Id, home, sector, rng, 0, forceThirdCountry: true);
}
