namespace Ingest.Generator.Scenarios.Injection;

/// <summary>POST-01/03/04/07/08/11/12/13/14: the posting against its declaration, its employer and its work places.</summary>
public sealed class PostingInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
    [
        ("POST-01", CaseKind.Posting), ("POST-03", CaseKind.Posting), ("POST-04", CaseKind.Posting), ("POST-07", CaseKind.Posting), ("POST-08", CaseKind.Posting),
        ("POST-11", CaseKind.Posting), ("POST-12", CaseKind.Posting), ("POST-13", CaseKind.Posting), ("POST-14", CaseKind.Posting),
    ];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        InjectionHelpers.Mark(e, rule, positive);
        e.SelfEmployed = false;
        e.Article = "01";
        e.WantsDeclaration = true;
        InjectionHelpers.Period(e, e.End is { } end ? Math.Min(300, end.DayNumber - e.Start.DayNumber + 1) : 120);
        switch (rule)
        {
            case "POST-01":
                // Near-miss: a self-employed posting, for which no declaration is required.
                e.WantsDeclaration = false;
                if (!positive)
                {
                    e.SelfEmployed = true;
                    e.Article = "02";
                }
                break;
            case "POST-03":
                e.DeclarationExtraDays = positive ? 20 : 0;
                break;
            case "POST-04":
                e.DeclarationEmployerDiffers = positive;
                e.DeclarationEmployerVariant = !positive;
                break;
            case "POST-07":
            {
                // Positive: a letterbox-like employer (domiciliation address, registered weeks before). Near-miss:
                // an employer long established in a business park, an ordinary commercial address.
                var home = Population.CountryProfiles.Get(e.SendingCountry);
                var employer = Population.PopulationFactory.CreateEmployer(e.Employer.Id, home, e.Employer.Sector, letterbox: positive, e.Start, rng);
                e.Employer = positive ? employer : employer.At(employer.Address with { Street = "Business Park " + employer.Address.Street });
                break;
            }
            case "POST-08":
                e.HireDaysBefore = positive ? 10 : 40;
                break;
            case "POST-11":
            {
                var person = InjectionHelpers.ThirdCountryPerson(d, Population.CountryProfiles.Get(e.SendingCountry is "CH" or "NO" or "DK" ? "PL" : e.SendingCountry), "construction", rng);
                if (e.SendingCountry is "CH" or "NO" or "DK")
                {
                    e.SendingCountry = "PL";
                    e.LegislationState = "PL";
                    e.SenderInstitution = "PL:ZUS0001";
                }
                d.Persons[0] = person;
                e.Person = person;
                e.HireDaysBefore = positive ? 12 : 400;
                break;
            }
            case "POST-12":
                e.End = e.Start.AddMonths(positive ? 13 : 11);
                break;
            case "POST-13":
                if (positive)
                {
                    e.WorkCountries.Add("BE");
                }
                break;
            case "POST-14":
                if (positive)
                {
                    e.ResidenceCountry = "FR";
                }
                else
                {
                    e.StayInFrance = true;
                }
                break;
        }
    }
}
