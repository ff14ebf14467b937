using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Sed;

/// <summary>Hand-written samples under samples/valid, each checked field by field against what the file says.</summary>
public sealed class SedSampleTests
{
    private static string Sample(string name) => Path.Combine(SamplePaths.Samples, "valid", name);

    [Fact]
    public void A009_4_4_in_an_envelope_maps_every_block()
    {
        var r = SedTestParsing.ParseSed(Sample("A009-4.4-sbdh.xml"));
        Assert.Equal(("A009", "4.4", "4", "4"), (r.SedType, r.CdmVersion, r.SedGVer, r.SedVer));
        var e = r.Envelope;
        Assert.Equal(("1234567", "LA_BUC_04", "0f3c9d2e8b7a46e1a2b3c4d5e6f70812", 2), (e.CaseId, e.BucType, e.DocumentId, e.DocumentVersion));
        Assert.Equal(("PL:ZUS0001", "FR:URSSAF01", "2025-03-01T09:13:02Z", "2025-03-01T09:12:44Z"), (e.SenderInstitution, e.ReceiverInstitution, e.ReceivedAt, e.CreatedAt));
        var p = r.Person;
        Assert.Equal(("Kowalski-Nowak", "Zdzisław", "1979-11-02", "01", "Nowak", "Zdzisław"), (p.FamilyName, p.Forename, p.DateBirth, p.Sex, p.FamilyNameAtBirth, p.ForenameAtBirth));
        Assert.Equal(2, p.Pins.Count);
        Assert.Equal(("PL", "79110212345", "03", "PL:ZUS0001", "Zakład Ubezpieczeń Społecznych"), (p.Pins[0].Country, p.Pins[0].Number, p.Pins[0].Sector, p.Pins[0].InstitutionId, p.Pins[0].InstitutionName));
        Assert.Equal(("FR", "179119912345678", (string?)null), (p.Pins[1].Country, p.Pins[1].Number, p.Pins[1].Sector));
        Assert.Equal(["PL", "DE"], p.Nationalities);
        Assert.Equal(("Łódź", "PL"), (p.PlaceBirthTown, p.PlaceBirthCountry));
        Assert.Equal(2, r.Addresses.Count);
        var a = r.Addresses[0];
        Assert.Equal(("01", "ul. Piotrkowska 12 & 14", "Kamienica", "Łódź", "90-001", "Łódzkie", "PL"), (a.Type, a.Street, a.BuildingName, a.Town, a.PostalCode, a.Region, a.Country));
        Assert.Equal(("02", "Lyon", "FR"), (r.Addresses[1].Type, r.Addresses[1].Town, r.Addresses[1].Country));
        Assert.Equal([EmployerRole.Employer, EmployerRole.OtherMemberState, EmployerRole.SelfEmployment], r.Employers.Select(x => x.Role));
        var emp = r.Employers[0];
        Assert.Equal("Budmax Sp. z o.o.", emp.Name);
        Assert.Equal([("5260001246", "03"), ("012345678", "01")], emp.Ids.Select(i => (i.Number!, i.Type!)));
        Assert.Equal(("ul. Przemysłowa 5", "Warszawa", "00-001", "PL"), (emp.Address!.Street, emp.Address.Town, emp.Address.PostalCode, emp.Address.Country));
        Assert.Equal(("Constructions du Rhône", "FR12345678901", "02"), (r.Employers[1].Name, r.Employers[1].Ids[0].Number, r.Employers[1].Ids[0].Type));
        Assert.Null(r.Employers[1].Address);
        Assert.Equal("Z. Kowalski usługi", r.Employers[2].Name);
        Assert.Equal("1", r.FixedPlaceOfWork);
        Assert.Equal(["FR", "BE"], r.WorkCountries.Select(c => c.Country!));
        var places = r.WorkCountries[0].Places;
        Assert.Equal(("Chantier Part-Dieu", null, "1 rue de la Gare", "Lyon", "69003", "Auvergne-Rhône-Alpes"), (places[0].Name, places[0].FlagStateHomeBase, places[0].Address.Street, places[0].Address.Town, places[0].Address.PostalCode, places[0].Address.Region));
        Assert.Equal(("MV Baltic Star", "MT", "Marseille"), (places[1].Name, places[1].FlagStateHomeBase, places[1].Address.Town));
        Assert.Empty(r.WorkCountries[1].Places);
        var d = r.Decision;
        Assert.Equal(("0", "2025-01-15", "PL", "0", "2025-03-01", "2026-02-28", (string?)null), (d.InitialDecision, d.DatePreviousDecision, d.LegislationState, d.ForDurationOfActivity, d.PeriodStart, d.PeriodEnd, d.OpenPeriodType));
        Assert.Equal("01", r.Article);
        Assert.Equal("Posted worker,\nArticle 12(1) — amended.", r.AdditionalInformation);
    }

    [Fact]
    public void A009_4_2_shape_has_unwrapped_pin_bare_sex_and_nationality()
    {
        var r = SedTestParsing.ParseSed(Sample("A009-4.2.xml"));
        Assert.Equal(("A009", "4.2", "2"), (r.SedType, r.CdmVersion, r.SedVer));
        Assert.Equal(("Hansen", "02"), (r.Person.FamilyName, r.Person.Sex));
        Assert.Equal(("NO", "31018012345"), (r.Person.Pins.Single().Country, r.Person.Pins.Single().Number));
        Assert.Equal(["NO"], r.Person.Nationalities);
        Assert.Equal(("01", "2024-06-01", (string?)null, "02"), (r.Decision.OpenPeriodType, r.Decision.PeriodStart, r.Decision.PeriodEnd, r.Article));
        Assert.Equal("", r.Envelope.CaseId);
    }

    [Fact]
    public void A009_4_3_shape_in_a_default_namespace_envelope()
    {
        var r = SedTestParsing.ParseSed(Sample("A009-4.3-sbdh.xml"));
        Assert.Equal(("4.3", "01", "Müller"), (r.CdmVersion, r.Person.Sex, r.Person.FamilyName));
        Assert.Equal(("7654321", "LA_BUC_04", "DE:DRV0001", "AT:OEGK0001", 1), (r.Envelope.CaseId, r.Envelope.BucType, r.Envelope.SenderInstitution, r.Envelope.ReceiverInstitution, r.Envelope.DocumentVersion));
        Assert.Equal("Bau <Süd> GmbH", r.Employers.Single().Name);
        Assert.Equal(("AT", "Baustelle Wien", "Wien"), (r.WorkCountries.Single().Country, r.WorkCountries[0].Places.Single().Name, r.WorkCountries[0].Places[0].Address.Town));
    }

    [Fact]
    public void A001_maps_exception_request()
    {
        var r = SedTestParsing.ParseSed(Sample("A001-4.4-sbdh.xml"));
        Assert.Equal([EmployerRole.Employer, EmployerRole.SelfEmployment, EmployerRole.HostCountry], r.Employers.Select(e => e.Role));
        Assert.Equal(("Bouw NV", "BE0123456789"), (r.Employers[2].Name, r.Employers[2].Ids.Single().Number));
        Assert.Equal(("2025-06-01", "2028-05-31", "10"), (r.Decision.PeriodStart, r.Decision.PeriodEnd, r.Article));
        Assert.Equal(["BE"], r.Exception!.CurrentLegislation);
        Assert.Equal(["PT", "ES"], r.Exception.RequestedLegislation);
        Assert.Equal(("1", "0"), (r.Exception.TeleworkFrameworkAgreement, r.Exception.AmendmentIndicator));
        Assert.Equal(("2000001", "LA_BUC_01"), (r.Envelope.CaseId, r.Envelope.BucType));
    }

    [Fact]
    public void A003_A008_A010_A002_X008_A011_A012_map_their_blocks()
    {
        var a003 = SedTestParsing.ParseSed(Sample("A003-4.4.xml"));
        Assert.Equal([(EmployerRole.Employer, "0"), (EmployerRole.OtherMemberState, "1"), (EmployerRole.OtherMemberState, null)], a003.Employers.Select(e => (e.Role, e.MarginalActivity)));
        Assert.Equal(("13.1.a", "98"), (a003.Article, a003.Decision.OpenPeriodType));

        var a008 = SedTestParsing.ParseSed(Sample("A008-4.4-sbdh.xml"));
        Assert.Equal(("cancellation", "2025-04-01", "1"), (a008.Change!.ChangeType, a008.Change.EffectiveDate, a008.Change.CancelWholePeriod));
        Assert.Equal(("2025-01-01", "2025-03-31"), (a008.Decision.PeriodStart, a008.Decision.PeriodEnd));

        var a010 = SedTestParsing.ParseSed(Sample("A010-4.3.xml"));
        Assert.Equal(("4.3", "01", "11.3.a", "Hotel Alpen"), (a010.CdmVersion, a010.Person.Sex, a010.Article, a010.WorkCountries.Single().Places.Single().Name));

        var a002 = SedTestParsing.ParseSed(Sample("A002-4.4.xml"));
        Assert.Equal("Exception rejected: posting > 5 years", a002.AdditionalInformation);

        var x008 = SedTestParsing.ParseSed(Sample("X008-4.4-sbdh.xml"));
        Assert.Equal(("A009", "2025-03-01", "01"), (x008.Invalidation!.TargetSedType, x008.Invalidation.TargetIssueDate, x008.Invalidation.Reason));
        Assert.Equal("Silva", SedTestParsing.ParseSed(Sample("A002-4.4.xml")).Person.FamilyName);

        var a011 = SedTestParsing.ParseSed(Sample("A011-4.2.xml"));
        Assert.Equal(("Dubois", "02", "FR", "Agreed."), (a011.Person.FamilyName, a011.Person.Sex, a011.Person.Nationalities.Single(), a011.AdditionalInformation));
        Assert.Equal("A012", SedTestParsing.ParseSed(Sample("A012-4.4-minimal.xml")).SedType);
    }

    [Fact]
    public void Kafka_headers_fill_the_envelope_of_a_bare_sed_only()
    {
        var headers = new Dictionary<string, string>
        {
            ["eessi-case-id"] = "42", ["eessi-buc"] = "LA_BUC_02", ["eessi-document-id"] = "abc", ["eessi-document-version"] = "3",
            ["eessi-sender"] = "S", ["eessi-receiver"] = "R", ["eessi-received-at"] = "2025-01-01T00:00:00Z",
        };
        var bare = SedTestParsing.Parse(File.ReadAllBytes(Sample("A009-4.2.xml")), headers: headers).Sed!.Envelope;
        Assert.Equal(("42", "LA_BUC_02", "abc", 3, "S", "R", "2025-01-01T00:00:00Z"), (bare.CaseId, bare.BucType, bare.DocumentId, bare.DocumentVersion, bare.SenderInstitution, bare.ReceiverInstitution, bare.ReceivedAt));
        var wrapped = SedTestParsing.Parse(File.ReadAllBytes(Sample("A009-4.4-sbdh.xml")), headers: headers).Sed!.Envelope;
        Assert.Equal("1234567", wrapped.CaseId);
    }

    [Theory]
    [InlineData("<catalog xmlns='urn:books'><book/></catalog>", "NotSed")]
    [InlineData("<A009 xmlns='http://ec.europa.eu/eessi/ns/3_2/A009'/>", "UnsupportedCdmVersion")]
    [InlineData("<A009 xmlns='http://ec.europa.eu/eessi/ns/4_4/A001'/>", "NotSed")]
    [InlineData("<H001 xmlns='http://ec.europa.eu/eessi/ns/4_4/H001'/>", "UnsupportedSedType")]
    [InlineData("<s:StandardBusinessDocument xmlns:s='http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader'><s:StandardBusinessDocumentHeader/></s:StandardBusinessDocument>", "EnvelopeWithoutSed")]
    public void Well_formed_non_seds_are_not_sed_with_a_reason(string xml, string code)
    {
        var outcome = SedTestParsing.Parse(xml);
        Assert.Equal(ParseOutcomeKind.NotSed, outcome.Kind);
        Assert.Equal(code, outcome.Error!.ErrorCode);
        Assert.Equal(1, outcome.Error.Line);
    }

    [Fact]
    public void A_non_sed_that_is_malformed_later_is_malformed()
    {
        var outcome = SedTestParsing.Parse("<catalog><book></catalog>");
        Assert.Equal(ParseOutcomeKind.Malformed, outcome.Kind);
        Assert.Equal("MismatchedEndTag", outcome.Error!.ErrorCode);
        Assert.Equal("/catalog/book", outcome.Error.ElementPath);
        Assert.Equal((15L, 1, 16), (outcome.Error.ByteOffset, outcome.Error.Line, outcome.Error.Column));
    }
}
