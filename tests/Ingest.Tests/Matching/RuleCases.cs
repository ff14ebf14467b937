using Ingest.Core.Seds;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

/// <summary>For every rule a scenario where it must fire and a close one where it must not.</summary>
internal static class RuleCases
{
    public static readonly Dictionary<string, (Func<Scenario> Positive, Func<Scenario> Negative)> All = new()
    {
        ["STR-01"] = (() => Scenario.Of(A009(s => s.CdmVersion = "3.9")), () => Scenario.Of(A009(s => s.CdmVersion = "4.2"))),
        ["STR-02"] = (() => Scenario.Of(TestData.Sed("P2000")), () => Scenario.Of(TestData.Sed("A012"))),
        ["STR-03"] = (() => Scenario.Of(A009(s => s.Decision.LegislationState = null)), () => Scenario.Of(A009())),
        ["STR-04"] = (() => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2025-03-01")), () => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2025-03-10"))),
        ["STR-05"] = (() => Scenario.Of(A009(s => s.Decision.PeriodStart = "2009-06-01")), () => Scenario.Of(A009(s => s.Decision.PeriodStart = "2010-05-01"))),
        ["STR-06"] = (() => Scenario.Of(A009(s => { s.Decision.PeriodStart = "2026-06-01"; s.Decision.PeriodEnd = "2026-09-01"; })), () => Scenario.Of(A009(s => { s.Decision.PeriodStart = "2026-02-01"; s.Decision.PeriodEnd = "2026-09-01"; }))),
        ["STR-07"] = (() => Scenario.Of(A009(s => s.Envelope.SenderInstitution = "PL-ZUS")), () => Scenario.Of(A009())),
        ["STR-08"] = (() => Duplicate(sameVersion: true), () => Duplicate(sameVersion: false)),
        ["STR-09"] = (() => Scenario.Of(TestData.Sed("X001")), () => Scenario.Of(TestData.Sed("X001")).After(A009())),
        ["STR-10"] = (() => Scenario.Of(A009(s => s.Person.FamilyName = "TEST")), () => Scenario.Of(A009())),

        ["ID-01"] = (() => Scenario.Of(A009(s => s.Person.Pins.Clear())), () => Scenario.Of(A009())),
        ["ID-02"] = (() => Scenario.Of(A009()).WithA1s().WithDeclarations(), () => Scenario.Of(A009()).WithA1s()),
        ["ID-03"] = (() => Scenario.Of(A009()).WithA1s(A1 with { DateBirth = "1981-05-17" }), () => Scenario.Of(A009())),
        ["ID-04"] = (() => Scenario.Of(A009()).WithA1s(A1 with { Sex = "02" }), () => Scenario.Of(A009()).WithA1s(A1 with { Sex = "98" })),
        ["ID-05"] = (() => Scenario.Of(A009()).WithA1s(A1 with { Nationalities = ["RO"] }), () => Scenario.Of(A009()).WithA1s(A1 with { Nationalities = ["RO", "PL"] })),
        ["ID-06"] = (() => Scenario.Of(A009()).WithA1s(A1 with { FamilyName = "Nowicka", Forename = "Anna" }), () => Scenario.Of(A009()).WithA1s(A1 with { FamilyName = "Kowalsky" })),
        ["ID-07"] = (() => Scenario.Of(A009()).WithA1s(A1 with { Pin = OtherPesel }), () => Scenario.Of(A009())),
        ["ID-09"] = (() => Scenario.Of(A009(s => { s.Person.Nationalities[0] = "MA"; s.Envelope.SenderInstitution = "NO:NAV0001"; s.Decision.LegislationState = "NO"; })),
                     () => Scenario.Of(A009(s => s.Person.Nationalities[0] = "MA"))),
        ["ID-10"] = (() => Scenario.Of(A009()).WithA1s(A1 with { FamilyName = "Wiśniewska", Forename = "Ewa", DateBirth = "1990-01-02" }), () => Scenario.Of(A009())),

        ["PER-01"] = (() => Scenario.Of(A009(s => { s.Decision.PeriodEnd = null; s.Decision.OpenPeriodType = "01"; })), () => Scenario.Of(A009())),
        ["PER-02"] = (() => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2027-06-30")), () => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2027-06-30")).After(TestData.Sed("A011"))),
        ["PER-03"] = (() => Scenario.Of(A009(CurrentPosting)).After(EarlierPosting("2023-02-01", "2024-12-31")),
                      () => Scenario.Of(A009(CurrentPosting)).After(EarlierPosting("2023-02-01", "2024-10-31"))),
        ["PER-04"] = (() => Scenario.Of(A009()).After(EarlierPosting("2024-10-01", "2025-02-01")), () => Scenario.Of(A009()).After(EarlierPosting("2024-06-01", "2024-10-01"))),
        ["PER-05"] = (() => Scenario.Of(A003(s => { s.Decision.PeriodEnd = null; s.Decision.OpenPeriodType = "01"; })), () => Scenario.Of(A003(s => s.Decision.PeriodEnd = "2027-03-09"))),
        ["PER-06"] = (() => Scenario.Of(A009(s => s.Envelope.CreatedAt = "2025-08-01T10:00:00Z")), () => Scenario.Of(A009(s => s.Envelope.CreatedAt = "2025-04-01T10:00:00Z"))),
        ["PER-07"] = (() => Scenario.Of(A009(s => s.Envelope.ReceivedAt = "2025-10-02T08:00:00Z")), () => Scenario.Of(A009(s => s.Envelope.ReceivedAt = "2025-09-30T08:00:00Z"))),

        ["LEG-01"] = (() => Scenario.Of(A009()).WithA1s(A1 with { LegislationState = "DE" }), () => Scenario.Of(A009()).WithA1s(A1 with { LegislationState = "DE", Start = "2024-01-01", End = "2024-12-31" })),
        ["LEG-02"] = (() => Scenario.Of(A009()).After(A009(s => { s.Envelope.SenderInstitution = "DE:DRV0001"; s.Decision.LegislationState = "DE"; s.Envelope.CaseId = "C2"; })),
                      () => Scenario.Of(A009()).After(A009(s => s.Envelope.CaseId = "C2"))),
        ["LEG-03"] = (() => Scenario.Of(A009()).WithA1s(A1 with { LegislationState = "FR", EmployerCountry = "FR", EmployerId = "732829320" }), () => Scenario.Of(A009())),
        ["LEG-04"] = (() => Scenario.Of(A009(s => s.Decision.LegislationState = "DE")), () => Scenario.Of(A009())),
        ["LEG-05"] = (() => Scenario.Of(A003(s => s.Decision.LegislationState = "FR")).WithA1s(), () => Scenario.Of(A003(s => s.Decision.LegislationState = "FR")).WithA1s(A1 with { LegislationState = "FR", Article = "13.1.a" })),
        ["LEG-06"] = (() => Scenario.Of(A003()), () => Scenario.Of(A009())),
        ["LEG-07"] = (() => Scenario.Of(TestData.Sed("A010", s => s.Article = "87.8")), () => Scenario.Of(TestData.Sed("A010", s => s.Article = "11.3.b"))),
        ["LEG-08"] = (() => Scenario.Of(A009(s => s.Article = "02")), () => Scenario.Of(A009(s => { s.Article = "02"; s.Employers[0].Role = EmployerRole.SelfEmployment; }))),
        ["LEG-09"] = (() => Scenario.Of(A003(s => s.WorkCountries.RemoveAt(1))), () => Scenario.Of(A003())),
        ["LEG-10"] = (() => Scenario.Of(A003(s => s.Addresses[0].Country = "DE")), () => Scenario.Of(A003())),
        ["LEG-11"] = (() => Scenario.Of(A003(s => { s.Article = "13.1.b.i"; s.Employers[0].Address!.Country = "DE"; })), () => Scenario.Of(A003(s => s.Article = "13.1.b.i"))),
        ["LEG-12"] = (() => Scenario.Of(A009(s => s.WorkCountries[0].Country = "MA")), () => Scenario.Of(A009(s => s.WorkCountries[0].Country = "CH"))),
        ["LEG-13"] = (() => Scenario.Of(A003(s => { s.Article = "13.3"; AddSelfEmployment(s, "DE"); s.Decision.LegislationState = "DE"; })),
                      () => Scenario.Of(A003(s => { s.Article = "13.3"; AddSelfEmployment(s, "DE"); }))),
        ["LEG-14"] = (() => Scenario.Of(A003(s => { s.Article = "13.4"; AddEmployer(s, "DE"); s.Decision.LegislationState = "DE"; })),
                      () => Scenario.Of(A003(s => { s.Article = "13.4"; AddEmployer(s, "DE"); }))),

        ["POST-01"] = (() => Scenario.Of(A009()).WithDeclarations(), () => Scenario.Of(A009())),
        ["POST-03"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration with { End = "2025-12-31" }), () => Scenario.Of(A009()).WithDeclarations(Declaration with { End = "2025-09-01" })),
        ["POST-04"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration with { EmployerId = "PL7010001454", EmployerName = "Other Sp. z o.o." }), () => Scenario.Of(A009()).WithDeclarations(Declaration with { EmployerName = "BUDEX" })),
        ["POST-05"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration, Predecessor("D-2", "Nowak", "2023-01-01", "2025-03-09")),
                       () => Scenario.Of(A009()).WithDeclarations(Declaration, Predecessor("D-2", "Nowak", "2023-01-01", "2025-02-01"))),
        ["POST-06"] = (() => Scenario.Of(A009()).After(A009(s => { OtherEmployer(s); s.Envelope.CaseId = "C0"; })), () => Scenario.Of(A009()).After(EarlierPosting("2024-01-01", "2024-06-30"))),
        ["POST-07"] = (() => Scenario.Of(A009(s => s.Employers[0].Address!.Street = "c/o Business Centre, ul. Długa 5")),
                       () => Scenario.Of(A009(s => s.Employers[0].Address!.Street = "Business Park, ul. Długa 5"))),
        ["POST-08"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration with { HireDate = "2025-03-01" }), () => Scenario.Of(A009()).WithDeclarations(Declaration with { HireDate = "2025-01-15" })),
        ["POST-11"] = (() => Scenario.Of(A009(s => s.Person.Nationalities[0] = "UA")).WithDeclarations(Declaration with { HireDate = "2025-03-01", WorkerNationality = "UA" }),
                       () => Scenario.Of(A009(s => s.Person.Nationalities[0] = "UA")).WithDeclarations(Declaration with { WorkerNationality = "UA" })),
        ["POST-12"] = (() => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2026-06-30")).WithDeclarations(Declaration with { End = "2026-06-30" }),
                       () => Scenario.Of(A009(s => s.Decision.PeriodEnd = "2026-06-30")).WithDeclarations(Declaration with { End = "2026-06-30", Version = 2 })),
        ["POST-13"] = (() => Scenario.Of(A009(s => s.WorkCountries[0].Country = "BE")), () => Scenario.Of(A009())),
        ["POST-14"] = (() => Scenario.Of(A009(s => s.Addresses[0].Country = "FR")), () => Scenario.Of(A009())),

        ["A13-01"] = (() => Scenario.Of(A003(s => s.Employers[0].MarginalActivity = "1")), () => Scenario.Of(A003(s => s.Employers[0].MarginalActivity = "0"))),
        ["A13-02"] = (() => Scenario.Of(A003(s => { s.Article = "13.1.b.i"; s.Addresses[0].Country = "FR"; })), () => Scenario.Of(A003(s => s.Article = "13.1.b.i"))),
        ["A13-03"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration, Predecessor("D-2", "Nowak", "2023-01-01", "2024-06-30"), Predecessor("D-3", "Zieliński", "2024-05-15", "2025-04-01")),
                      () => Scenario.Of(A009()).WithDeclarations(Declaration, Predecessor("D-2", "Nowak", "2023-01-01", "2024-06-30"), Predecessor("D-3", "Zieliński", "2024-05-15", "2025-04-01") with { ClientSiret = null, ClientName = "Autre client" })),
        ["A13-04"] = (() => Scenario.Of(A003(s => s.Decision.PeriodEnd = "2025-08-31")), () => Scenario.Of(A003())),
        ["A13-05"] = (() => Scenario.Of(A001(s => s.Employers[0].Address!.Country = "DE")), () => Scenario.Of(A001())),
        ["A13-06"] = (() => Scenario.Of(A009()).WithA1s(A1 with { Article = "16", End = "2025-06-30" }), () => Scenario.Of(A009()).WithA1s(A1 with { Article = "16", End = "2025-12-31" })),

        ["LIFE-01"] = (() => Scenario.Of(X008("A009", "2025-03-01")).After(A009()), () => Scenario.Of(TestData.Sed("X001")).After(A009())),
        ["LIFE-02"] = (() => Scenario.Of(A009(s => { s.Decision.InitialDecision = "0"; s.Decision.DatePreviousDecision = "2025-03-01"; s.Decision.PeriodEnd = "2025-07-31"; })).After(A009()),
                       () => Scenario.Of(A009()).After(TestData.Sed("A011"))),
        ["LIFE-03"] = (() => Scenario.Of(A008("cancellation", "1")), () => Scenario.Of(A008("address", "0"))),
        ["LIFE-04"] = (() => Scenario.Of(TestData.Sed("A004")).After(A003()), () => Scenario.Of(TestData.Sed("A012")).After(A003())),
        ["LIFE-05"] = (() => Scenario.Of(A009()).WithA1s(A1 with { Status = "withdrawn" }), () => Scenario.Of(A009()).WithA1s(A1 with { Status = "expired", Start = "2024-01-01", End = "2024-06-30" })),
        ["LIFE-06"] = (() => Versions(s => s.Decision.PeriodEnd = "2025-08-31"), () => Versions(_ => { })),
        ["LIFE-07"] = (() => Scenario.Of(TestData.Sed("X001")).After(A009()).WithA1s(A1 with { LegislationState = "DE" }), () => Scenario.Of(TestData.Sed("X001")).After(A009())),

        ["CERT-01"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration with { A1Number = "A1-9999" }), () => Scenario.Of(A009()).WithDeclarations(Declaration with { A1Number = "a1 0001" })),
        ["CERT-02"] = (() => Scenario.Of(A009()).WithDeclarations(Declaration with { A1Number = "A1-0002" }).WithA1s(A1, A1 with { DocumentNumber = "A1-0002", Status = "withdrawn", FamilyName = "Nowak", Pin = null, DateBirth = "1970-02-02" }),
                       () => Scenario.Of(A009()).WithDeclarations(Declaration with { A1Number = "A1-0001" })),
    };

    public static SedRecord A003(Action<SedRecord>? edit = null) => TestData.Sed("A003", s =>
    {
        s.Article = "13.1.a";
        s.WorkCountries.Clear();
        s.WorkCountries.Add(new WorkCountryEntry { Country = "PL" });
        s.WorkCountries.Add(new WorkCountryEntry { Country = "FR" });
        s.Decision.PeriodEnd = "2026-03-09";
        edit?.Invoke(s);
    });

    public static SedRecord A001(Action<SedRecord>? edit = null) => TestData.Sed("A001", s =>
    {
        s.Exception = new A001Block { TeleworkFrameworkAgreement = "1" };
        s.Exception.RequestedLegislation.Add("PL");
        edit?.Invoke(s);
    });

    public static SedRecord A008(string change, string cancelWhole) => TestData.Sed("A008", s =>
    {
        s.Change = new ChangeBlock { ChangeType = change, EffectiveDate = "2025-03-01", CancelWholePeriod = cancelWhole };
        s.Decision = new DecisionBlock();
    });

    public static SedRecord X008(string type, string date) => TestData.Sed("X008", s => s.Invalidation = new InvalidationBlock { TargetSedType = type, TargetIssueDate = date, Reason = "01" });

    private static void CurrentPosting(SedRecord s) => Period(s, "2025-01-15", "2025-06-30");

    private static void Period(SedRecord s, string start, string end)
    {
        s.Decision.PeriodStart = start;
        s.Decision.PeriodEnd = end;
    }

    /// <summary>An earlier posting of the same worker by the same employer: another case.</summary>
    public static SedRecord EarlierPosting(string start, string end) => A009(s =>
    {
        Period(s, start, end);
        s.Envelope.CaseId = "C0";
    });

    private static void OtherEmployer(SedRecord s)
    {
        s.Employers[0].Name = "Kowbud SA";
        s.Employers[0].Ids[0].Number = "PL7010001454";
    }

    private static void AddSelfEmployment(SedRecord s, string country) =>
        s.Employers.Add(new EmployerEntry { Role = EmployerRole.SelfEmployment, Name = "Jan Kowalski Usługi", Address = new AddressEntry { Country = country } });

    private static void AddEmployer(SedRecord s, string country) =>
        s.Employers.Add(new EmployerEntry { Role = EmployerRole.OtherMemberState, Name = "Bau GmbH", Address = new AddressEntry { Country = country } });

    private static Ingest.Core.Reference.PostingDeclaration Predecessor(string id, string family, string start, string end) => Declaration with
    {
        DeclarationId = id,
        WorkerFamilyName = family,
        WorkerForename = "Piotr",
        WorkerDateBirth = "1975-01-01",
        WorkerPin = null,
        Start = start,
        End = end,
    };

    private static Scenario Duplicate(bool sameVersion)
    {
        var first = A009();
        var again = A009(s =>
        {
            s.Envelope.DocumentId = first.Envelope.DocumentId;
            s.Envelope.DocumentVersion = sameVersion ? 1 : 2;
        });
        return Scenario.Of(again).After(first);
    }

    private static Scenario Versions(Action<SedRecord> change)
    {
        var v1 = A009();
        var v2 = A009(s =>
        {
            s.Envelope.DocumentId = v1.Envelope.DocumentId;
            s.Envelope.DocumentVersion = 2;
            change(s);
        });
        return Scenario.Of(v2).After(v1);
    }
}
