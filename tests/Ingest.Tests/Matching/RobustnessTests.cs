using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Matching.Rules;

namespace Ingest.Tests.Matching;

/// <summary>Odd data never breaks evaluation: every rule reports or abstains.</summary>
public sealed class RobustnessTests
{
    private static readonly string?[] s_odd = [null, "", " ", "01", "02", "98", "1", "0", "EL", "UK", "XK", "ZZ", "2025-02-30", "2025-03-10", "2024-13-01",
        "31/12/2025", "2025-03-10T10:00:00+01:00", "9999-12-31", "0001-01-01", "PL:ZUS0001", ":", "12.1", "13.1.b.i", "87a", "Ωμέγα", "Щ", "'", "-./",
        new string('x', 300), "A009", "X008", "cancellation", "12345678901234567890123456789012345678901234567890123456789012345678901234567890"];

    private static Gen<string?> Odd() => Gen.Elements(s_odd);

    private static Gen<SedRecord> Seds() =>
        from type in Gen.Elements("A001", "A003", "A004", "A008", "A009", "A010", "A011", "X001", "X008", "Z999", "")
        from values in Odd().ArrayOf(24)
        from version in Gen.Choose(-1, 3)
        select Build(type, values, version);

    private static SedRecord Build(string type, string?[] v, int version)
    {
        var s = new SedRecord
        {
            SedType = type,
            CdmVersion = v[0] ?? "",
            Article = v[1],
            Envelope = new CaseEnvelope { CaseId = v[2] ?? "", DocumentId = v[3] ?? "", DocumentVersion = version, SenderInstitution = v[4] ?? "", ReceiverInstitution = v[5] ?? "", ReceivedAt = v[6] ?? "", CreatedAt = v[7] },
            Decision = new DecisionBlock { LegislationState = v[8], PeriodStart = v[9], PeriodEnd = v[10], OpenPeriodType = v[11], ForDurationOfActivity = v[12], InitialDecision = v[13], DatePreviousDecision = v[14] },
            Change = new ChangeBlock { ChangeType = v[15], CancelWholePeriod = v[16], EffectiveDate = v[17] },
            Invalidation = new InvalidationBlock { TargetSedType = v[18], TargetIssueDate = v[19] },
            Exception = new A001Block { TeleworkFrameworkAgreement = v[20] },
        };
        s.Person.FamilyName = v[21];
        s.Person.Forename = v[22];
        s.Person.DateBirth = v[23];
        s.Person.Sex = v[1];
        s.Person.Pins.Add(new PinEntry { Country = v[8], Number = v[9] });
        s.Person.Nationalities.Add(v[4] ?? "");
        s.Addresses.Add(new AddressEntry { Type = v[12], Country = v[5] });
        var e = new EmployerEntry { Role = (EmployerRole)(version & 3), Name = v[21], MarginalActivity = v[13], Address = new AddressEntry { Country = v[8] } };
        e.Ids.Add(new OrganisationId { Number = v[3] });
        s.Employers.Add(e);
        s.WorkCountries.Add(new WorkCountryEntry { Country = v[5] });
        return s;
    }

    [Property(MaxTest = 300)]
    public Property Evaluation_never_throws_and_no_rule_fails() =>
        Prop.ForAll(Seds().ArrayOf().ToArbitrary(), seds =>
        {
            var before = RuleCatalogue.All.Select(r => r.Failures).ToArray();
            var evaluator = new SedEvaluator(ReferenceSnapshot.Build([TestData.A1], [TestData.Declaration]));
            foreach (var sed in seds)
            {
                var result = evaluator.Evaluate(new UnitId("odd", null, 0), sed);
                var expectedMatches = sed.SedType == "A009" ? 2 : 0; // conformity is reported for posting decisions only
                if (result.Matches.Count != expectedMatches || result.PersonKey is null)
                {
                    return false;
                }
            }
            var failed = RuleCatalogue.All.Where((r, i) => r.Failures != before[i]).Select(r => r.Id).ToArray();
            return failed.Length == 0 ? true : throw new InvalidOperationException("rules failed: " + string.Join(", ", failed));
        });
}
