using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios.Injection;

/// <summary>Rules across two cases of one dossier: POST-06 two employers, LEG-02 two states, ID-10 one PIN for two people.</summary>
public sealed class OverlapInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
        [("POST-06", CaseKind.Posting), ("LEG-02", CaseKind.Posting), ("ID-10", CaseKind.Posting)];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var first = InjectionHelpers.Single(d);
        first.SelfEmployed = false;
        first.Article = "01";
        InjectionHelpers.Period(first, 150);
        // Positive cases overlap by four months; near-misses start ten days after the first ends.
        var gap = positive ? -120 : 10;
        var second = InjectionHelpers.Follow(d, first, gap, 120, 1);
        switch (rule)
        {
            case "POST-06":
                second.Employer = PopulationFactory.CreateEmployer(DossierPlanner.EmployerId(d.Index, 1), CountryProfiles.Get(first.SendingCountry), first.Employer.Sector, false, second.Start, rng);
                break;
            case "LEG-02":
            {
                var other = CountryProfiles.Get(InjectionHelpers.OtherState(first.SendingCountry));
                second.Employer = PopulationFactory.CreateEmployer(DossierPlanner.EmployerId(d.Index, 1), other, first.Employer.Sector, false, second.Start, rng);
                second.SendingCountry = other.Code;
                second.LegislationState = other.Code;
                second.SenderInstitution = other.Institutions[0];
                break;
            }
            case "ID-10":
            {
                second.Start = first.End!.Value.AddDays(90);
                InjectionHelpers.Period(second, 100);
                if (positive)
                {
                    // Another worker declared under the first one's PIN.
                    var impostor = PopulationFactory.CreatePerson(DossierPlanner.PersonId(d.Index, 1), CountryProfiles.Get(first.SendingCountry), first.Employer.Sector, rng, 0);
                    impostor.Pins.Clear();
                    impostor.Pins[first.SendingCountry] = first.Person.Pins.GetValueOrDefault(first.SendingCountry)
                        ?? (first.Person.Pins[first.SendingCountry] = Population.Pins.PinFormats.For(first.SendingCountry).Generate(
                            new Population.Pins.PinSubject(first.Person.BirthDate, first.Person.Female, first.Person.FamilyName, first.Person.Forename, first.Person.BirthCountry), rng));
                    d.Persons.Add(impostor);
                    second.Person = impostor;
                }
                break;
            }
        }
        InjectionHelpers.Mark(second, rule, positive);
    }
}
