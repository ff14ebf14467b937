using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Ingest.Core.Seds;

namespace Ingest.Tests.Sed;

/// <summary>Random records holding only what the given type and CDM version can carry (the round-trip truth).</summary>
internal static class RandomSedRecord
{
    public static readonly string[] Types = ["A001", "A002", "A003", "A004", "A008", "A009", "A010", "A011", "A012", "X001", "X008"];
    public static readonly string[] Versions = ["4.2", "4.3", "4.4"];

    private static readonly string[] s_words =
        ["Kowalski", "Zdzisław", "Łódź", "O'Brien", "Smith & Sons", "a<b>c", "\"quoted\"", "Müller-Lüdenscheidt", "名前", "x", "ul. Długa 5", "tab\there", "two  spaces", "01", "PL", "FR", "😀"];

    /// <summary>An enveloped random record of any type and version, its XML bytes, and a step (segment or chunk size) up to <paramref name="maxStep"/>.</summary>
    public static Gen<(SedRecord Truth, byte[] Bytes, int Step)> Enveloped(int maxStep) =>
        from seed in Gen.Choose(0, 100_000)
        from type in Gen.Elements(Types)
        from version in Gen.Elements(Versions)
        from step in Gen.Choose(1, maxStep)
        let truth = Create(seed, type, version, envelope: true)
        select (truth, Encoding.UTF8.GetBytes(SedTestWriter.Write(truth, envelope: true)), step);

    public static SedRecord Create(int seed, string type, string version, bool envelope)
    {
        var rnd = new Random(seed);
        string S() => s_words[rnd.Next(s_words.Length)] + (rnd.Next(3) == 0 ? " " + s_words[rnd.Next(s_words.Length)] : "");
        string? O() => rnd.Next(3) == 0 ? null : S();
        var r = new SedRecord { SedType = type, CdmVersion = version, SedGVer = rnd.Next(2) == 0 ? "4" : null, SedVer = rnd.Next(2) == 0 ? "2" : null };
        if (envelope)
        {
            r.Envelope = new CaseEnvelope
            {
                CaseId = S(), BucType = S(), DocumentId = S(), DocumentVersion = rnd.Next(1, 20),
                SenderInstitution = S(), ReceiverInstitution = S(), ReceivedAt = S(), CreatedAt = O(),
            };
        }
        var p = r.Person;
        p.FamilyName = S();
        p.Forename = S();
        p.DateBirth = S();
        p.Sex = S();
        p.FamilyNameAtBirth = O();
        p.ForenameAtBirth = O();
        for (var i = rnd.Next(3); i > 0; i--)
        {
            var withInstitution = rnd.Next(2) == 0;
            p.Pins.Add(new PinEntry { Country = S(), Number = S(), Sector = O(), InstitutionId = withInstitution ? S() : null, InstitutionName = withInstitution ? S() : null });
        }
        for (var i = rnd.Next(version == "4.2" ? 2 : 4); i > 0; i--)
        {
            p.Nationalities.Add(S());
        }
        if (rnd.Next(2) == 0)
        {
            p.PlaceBirthTown = S();
            p.PlaceBirthCountry = S();
        }
        var hasAddresses = type is not ("A002" or "A004" or "X008");
        if (hasAddresses)
        {
            for (var i = rnd.Next(3); i > 0; i--)
            {
                r.Addresses.Add(Address(rnd, S, O, withType: true, withCountry: true));
            }
        }
        switch (type)
        {
            case "A001":
                AddEmployers(r, rnd, S, O, EmployerRole.Employer, false);
                AddEmployers(r, rnd, S, O, EmployerRole.SelfEmployment, false);
                AddPlaceWork(r, rnd, S, O, version);
                AddEmployers(r, rnd, S, O, EmployerRole.HostCountry, false, max: 1);
                r.Decision.PeriodStart = S();
                r.Decision.PeriodEnd = S();
                r.Article = S();
                r.Exception = new A001Block { TeleworkFrameworkAgreement = O(), AmendmentIndicator = O() };
                r.Exception.CurrentLegislation.Add(S());
                r.Exception.RequestedLegislation.Add(S());
                if (rnd.Next(2) == 0)
                {
                    r.Exception.RequestedLegislation.Add(S());
                }
                break;
            case "A003":
            case "A009":
            case "A010":
                var marginal = type == "A003";
                AddEmployers(r, rnd, S, O, EmployerRole.Employer, marginal);
                AddEmployers(r, rnd, S, O, EmployerRole.OtherMemberState, marginal);
                AddEmployers(r, rnd, S, O, EmployerRole.SelfEmployment, marginal);
                AddPlaceWork(r, rnd, S, O, version);
                var d = r.Decision;
                d.InitialDecision = rnd.Next(2) == 0 ? "1" : "0";
                d.DatePreviousDecision = d.InitialDecision == "0" ? S() : null;
                d.LegislationState = S();
                d.ForDurationOfActivity = S();
                Period(d, rnd, S);
                r.Article = S();
                break;
            case "A008":
                r.Change = new ChangeBlock { ChangeType = S(), EffectiveDate = S(), CancelWholePeriod = O() };
                Period(r.Decision, rnd, S);
                AddPlaceWork(r, rnd, S, O, version);
                break;
            case "X008":
                r.Invalidation = new InvalidationBlock { TargetSedType = S(), TargetIssueDate = S(), Reason = O() };
                break;
        }
        r.AdditionalInformation = O();
        return r;
    }

    private static void Period(DecisionBlock d, Random rnd, Func<string> s)
    {
        if (rnd.Next(2) == 0)
        {
            d.OpenPeriodType = s();
            d.PeriodStart = s();
        }
        else
        {
            d.PeriodStart = s();
            d.PeriodEnd = s();
        }
    }

    private static AddressEntry Address(Random rnd, Func<string> s, Func<string?> o, bool withType, bool withCountry) => new()
    {
        Type = withType ? s() : null,
        Street = o(),
        BuildingName = o(),
        Town = s(),
        PostalCode = o(),
        Region = o(),
        Country = withCountry ? s() : null,
    };

    private static void AddEmployers(SedRecord r, Random rnd, Func<string> s, Func<string?> o, EmployerRole role, bool marginal, int max = 2)
    {
        for (var i = rnd.Next(max + 1); i > 0; i--)
        {
            var e = new EmployerEntry { Role = role, Name = s(), MarginalActivity = marginal ? o() : null };
            for (var k = rnd.Next(3); k > 0; k--)
            {
                e.Ids.Add(new OrganisationId { Number = s(), Type = s() });
            }
            if (rnd.Next(2) == 0)
            {
                e.Address = Address(rnd, s, o, withType: false, withCountry: true);
            }
            r.Employers.Add(e);
        }
    }

    private static void AddPlaceWork(SedRecord r, Random rnd, Func<string> s, Func<string?> o, string version)
    {
        if (rnd.Next(4) == 0)
        {
            return;
        }
        r.FixedPlaceOfWork = s();
        for (var i = rnd.Next(1, version == "4.3" ? 2 : 4); i > 0; i--)
        {
            var c = new WorkCountryEntry { Country = s() };
            for (var k = rnd.Next(3); k > 0; k--)
            {
                var place = new PlaceOfWork { Name = s(), FlagStateHomeBase = o() };
                place.Address = Address(rnd, s, o, withType: false, withCountry: false);
                c.Places.Add(place);
            }
            r.WorkCountries.Add(c);
        }
    }
}
