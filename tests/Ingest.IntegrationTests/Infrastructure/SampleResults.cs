using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Hand-made evaluations with known content, for sink and query tests.</summary>
internal static class SampleResults
{
    /// <summary>Even i: declaration conform + a POST-01 anomaly; odd i: declaration unmatched.</summary>
    public static SedEvaluation Evaluation(int i, string sedType = "A009", string personKey = "PL:85022912345", bool redFlag = false)
    {
        var sed = new SedRecord
        {
            SedType = sedType,
            CdmVersion = "4.4",
            Envelope = new CaseEnvelope
            {
                CaseId = $"case-{i}",
                DocumentId = $"{i:x32}",
                DocumentVersion = 1,
                BucType = "LA_BUC_04",
                SenderInstitution = "PL:ZUS0001",
                ReceiverInstitution = "FR:URSSAF01",
                ReceivedAt = "2025-03-02T10:00:00Z",
            },
            Decision = new DecisionBlock { LegislationState = "PL", PeriodStart = "2025-03-01", PeriodEnd = "2025-08-31", InitialDecision = "1" },
            Article = "01",
        };
        sed.Person.FamilyName = $"Kowalska-{i}";
        sed.Person.Forename = "Anna";
        sed.Person.DateBirth = "1980-02-29";
        sed.Person.Pins.Add(new PinEntry { Country = "PL", Number = "85022912345" });
        sed.WorkCountries.Add(new WorkCountryEntry { Country = "FR" });
        var e = new SedEvaluation(new UnitId("batch.zip", $"{i}.xml", 0), sed) { PersonKey = personKey };
        e.Matches.Add(new MatchResult { Target = MatchTarget.A1, Status = MatchStatus.Unmatched });
        e.Matches.Add(i % 2 == 0
            ? new MatchResult { Target = MatchTarget.Declaration, Status = MatchStatus.Conform, TargetId = $"D{i}", Score = 1, Reasons = ["pin-exact"] }
            : new MatchResult { Target = MatchTarget.Declaration, Status = MatchStatus.Unmatched, Reasons = ["no-candidate"] });
        if (i % 2 == 0)
        {
            e.Anomalies.Add(new Anomaly { RuleId = "POST-01", Severity = Severity.Med, Reasons = "no declaration" });
        }
        if (redFlag)
        {
            e.Anomalies.Add(new Anomaly { RuleId = "LEG-04", Severity = Severity.Red, Reasons = "legislation state is not the sender's" });
        }
        return e;
    }
}
