using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios.Injection;

/// <summary>LEG-01/04/08 on postings; LEG-05/09/10/11/12 and A13-01 on multi-state decisions.</summary>
public sealed class LegislationInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
    [
        ("LEG-01", CaseKind.Posting), ("LEG-04", CaseKind.Posting), ("LEG-08", CaseKind.Posting),
        ("LEG-05", CaseKind.MultiState), ("LEG-09", CaseKind.MultiState), ("LEG-10", CaseKind.MultiState), ("LEG-11", CaseKind.MultiState),
        ("LEG-12", CaseKind.MultiState), ("A13-01", CaseKind.MultiState),
    ];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        InjectionHelpers.Mark(e, rule, positive);
        switch (rule)
        {
            case "LEG-01":
                // The French A1 overlaps the posting by a month, or ends the day before it starts.
                e.FrenchA1GapDays = positive ? -30 : 0;
                break;
            case "LEG-04":
                if (positive)
                {
                    e.LegislationState = rng.Chance(0.3) ? "FR" : InjectionHelpers.OtherState(e.SendingCountry);
                }
                else
                {
                    var other = CountryProfiles.Get(InjectionHelpers.OtherState(e.SendingCountry));
                    e.Employer = PopulationFactory.CreateEmployer(e.Employer.Id, other, e.Employer.Sector, false, e.Start, rng);
                }
                break;
            case "LEG-08":
                // Positive: Art. 12(2) with an employer block; near-miss: Art. 12(2) with the self-employment block.
                e.Article = "02";
                e.SelfEmployed = !positive;
                e.WantsDeclaration = positive;
                break;
            case "LEG-05":
                e.LegislationState = "FR";
                e.FrenchA1GapDays = positive ? null : -200;
                break;
            case "LEG-09":
                e.WorkCountries.Clear();
                e.WorkCountries.Add("FR");
                if (!positive)
                {
                    e.WorkCountries.Add(e.SendingCountry);
                }
                break;
            case "LEG-10":
                e.Article = "10";
                e.ResidenceCountry = positive ? InjectionHelpers.OtherState(e.SendingCountry) : e.SendingCountry;
                break;
            case "LEG-11":
                // 13(1)(b)(i) is an employed person's article: the seat compared is the employer's, never a self-employment's.
                e.Article = "11";
                e.SelfEmployed = false;
                e.Employer = PopulationFactory.CreateEmployer(e.Employer.Id,
                    CountryProfiles.Get(positive ? InjectionHelpers.OtherState(e.SendingCountry) : e.SendingCountry), e.Employer.Sector, false, e.Start, rng);
                break;
            case "LEG-12":
                e.WorkCountries.Add(positive ? rng.Pick(["UA", "MA", "RS"]) : rng.Pick(["CH", "NO"]));
                break;
            case "A13-01":
                // The marginal flag exists on employers only (docs/FORMATS.md 2), so the designated activity is employed work.
                if (e.SelfEmployed)
                {
                    e.SelfEmployed = false;
                    e.Article = "10";
                }
                e.MarginalDesignated = positive;
                e.MarginalOther = !positive;
                e.OtherEmployer ??= PopulationFactory.CreateEmployer(e.Employer.Id + "b", CountryProfiles.Get(InjectionHelpers.OtherState(e.SendingCountry)), e.Employer.Sector, false, e.Start, rng);
                break;
        }
    }
}
