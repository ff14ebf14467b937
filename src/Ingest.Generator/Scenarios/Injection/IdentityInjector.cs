using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios.Injection;

/// <summary>ID-03/04/05/07: the registered A1 disagrees with the SED; ID-09: third-country national sent from a state where coordination does not cover them.</summary>
public sealed class IdentityInjector : IRuleInjector
{
    private static readonly string[] s_noTcnSenders = ["DK", "NO", "CH"];

    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
        [("ID-03", CaseKind.Posting), ("ID-04", CaseKind.Posting), ("ID-05", CaseKind.Posting), ("ID-07", CaseKind.Posting), ("ID-09", CaseKind.Posting)];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        InjectionHelpers.Mark(e, rule, positive);
        e.WantsA1 = true;
        switch (rule)
        {
            case "ID-03":
                // Near-miss: the same date written as a date-time.
                if (positive)
                {
                    e.A1Disagrees = "birth";
                }
                else
                {
                    e.BirthAsDateTime = true;
                }
                break;
            case "ID-04":
                if (positive)
                {
                    e.A1Disagrees = "sex";
                }
                else
                {
                    e.SexUnknown = true;
                }
                break;
            case "ID-05":
                if (positive)
                {
                    e.A1Disagrees = "nationality";
                }
                else if (!e.Person.Nationalities.Contains("PT"))
                {
                    // Two nationalities: the A1 lists both, the overlap is enough.
                    e.Person.Nationalities.Add(e.Person.Nationalities[0] == "RO" ? "MD" : "PT");
                }
                else
                {
                    e.Person.Nationalities.Add("ES");
                }
                break;
            case "ID-07":
                if (!e.Person.Pins.ContainsKey(e.SendingCountry))
                {
                    e.Person.Pins[e.SendingCountry] = Population.Pins.PinFormats.For(e.SendingCountry).Generate(
                        new Population.Pins.PinSubject(e.Person.BirthDate, e.Person.Female, e.Person.FamilyName, e.Person.Forename, e.Person.BirthCountry), rng);
                }
                if (positive)
                {
                    e.A1Disagrees = "pin";
                }
                else
                {
                    e.PinFormatted = true;
                }
                break;
            case "ID-09":
            {
                var home = CountryProfiles.Get(positive ? rng.Pick(s_noTcnSenders) : "PL");
                var person = InjectionHelpers.ThirdCountryPerson(d, home, "construction", rng);
                d.Persons[0] = person;
                e.Person = person;
                e.SendingCountry = home.Code;
                e.LegislationState = home.Code;
                e.SenderInstitution = home.Institutions[0];
                e.Employer = PopulationFactory.CreateEmployer(e.Employer.Id, home, "construction", false, e.Start, rng);
                e.SelfEmployed = false;
                e.Article = "01";
                break;
            }
        }
    }
}
