namespace Ingest.Generator.Scenarios.Injection;

/// <summary>STR-04 end before start, STR-05 start before the regulation applied, STR-06 start over a year ahead, STR-07 sender id, STR-10 placeholders.</summary>
public sealed class StructuralInjector : IRuleInjector
{
    public IReadOnlyList<(string Rule, CaseKind Kind)> Rules { get; } =
        [("STR-04", CaseKind.Posting), ("STR-05", CaseKind.Posting), ("STR-06", CaseKind.Posting), ("STR-07", CaseKind.Posting), ("STR-10", CaseKind.Posting)];

    public void Apply(Dossier d, string rule, bool positive, DetRandom rng)
    {
        var e = InjectionHelpers.Single(d);
        InjectionHelpers.Mark(e, rule, positive);
        switch (rule)
        {
            case "STR-04":
                // Positive: end ten days before start. Near-miss: a one-day posting (end = start).
                e.End = positive ? e.Start.AddDays(-10) : e.Start;
                e.Issued = e.Start.AddDays(-3);
                break;
            case "STR-05":
            {
                // An old period reported today: the received date stays in the corpus year.
                var issued = e.Issued;
                // Croatia's coordination began on 2013-07-01: its near-miss is a few days after that.
                var hr = e.SendingCountry == "HR";
                e.Start = positive ? new DateOnly(2010, 4, 19) : hr ? new DateOnly(2013, 7, 3) : new DateOnly(2010, 5, 3);
                InjectionHelpers.Period(e, 60);
                e.Issued = issued;
                break;
            }
            case "STR-06":
                e.Start = e.Issued.AddDays(positive ? 400 : 330);
                InjectionHelpers.Period(e, 90);
                e.Issued = e.Start.AddDays(positive ? -400 : -330);
                break;
            case "STR-07":
                if (positive)
                {
                    e.MalformedSenderId = true;
                }
                else
                {
                    e.SenderInstitution = e.SenderInstitution[..3] + e.SenderInstitution[3..].ToLowerInvariant();
                }
                break;
            case "STR-10":
                if (positive)
                {
                    e.Placeholder = true;
                }
                else
                {
                    e.Person.FamilyName = "Testa";
                }
                break;
        }
    }
}
