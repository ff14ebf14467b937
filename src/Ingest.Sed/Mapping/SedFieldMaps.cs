using System.Collections.Frozen;

namespace Ingest.Sed.Mapping;

/// <summary>
/// Field maps per SED type and CDM version, as tables of element paths (relative to the SED root)
/// compiled once into tries. To support a new type or shape, add rows here: nothing else changes.
/// Element names: the CDM 4.4 XSDs (A001, A009, A011, A012) and docs/FORMATS.md §2 for the others.
/// </summary>
internal static class SedFieldMaps
{
    private static readonly FrozenDictionary<(string Type, CdmVersion Version), SedPathTrie> s_maps = Build();

    /// <summary>The compiled SBDH header map (paths relative to StandardBusinessDocumentHeader).</summary>
    public static SedPathTrie Envelope { get; } = BuildEnvelope();

    /// <summary>Types with a dedicated map; other A/X types get the generic person-only map.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } =
        ["A001", "A002", "A003", "A004", "A005", "A006", "A007", "A008", "A009", "A010", "A011", "A012", "X008"];

    public static SedPathTrie? For(string sedType, CdmVersion version)
    {
        if (s_maps.TryGetValue((sedType, version), out var map))
        {
            return map;
        }
        return IsHorizontalOrLegislation(sedType) ? s_maps[("X001", version)] : null;
    }

    private static bool IsHorizontalOrLegislation(string type) =>
        type.Length == 4 && type[0] is 'X' or 'A' && char.IsAsciiDigit(type[1]) && char.IsAsciiDigit(type[2]) && char.IsAsciiDigit(type[3]);

    private static FrozenDictionary<(string, CdmVersion), SedPathTrie> Build()
    {
        var maps = new Dictionary<(string, CdmVersion), SedPathTrie>();
        foreach (var version in (CdmVersion[])[CdmVersion.V42, CdmVersion.V43, CdmVersion.V44])
        {
            maps[("A001", version)] = Compile(version, A001);
            maps[("A003", version)] = Compile(version, A003);
            maps[("A008", version)] = Compile(version, A008);
            maps[("A009", version)] = Compile(version, A009);
            maps[("A010", version)] = Compile(version, A009);
            maps[("A011", version)] = Compile(version, PersonOnly);
            maps[("A012", version)] = Compile(version, PersonOnly);
            foreach (var reply in (string[])["A002", "A004", "A005", "A006", "A007"])
            {
                maps[(reply, version)] = Compile(version, Reply);
            }
            maps[("X008", version)] = Compile(version, X008);
            maps[("X001", version)] = Compile(version, PersonOnly);
        }
        return maps.ToFrozenDictionary();
    }

    private static SedPathTrie Compile(CdmVersion version, Action<SedPathTrie, CdmVersion> body)
    {
        var trie = new SedPathTrie();
        Person(trie, version);
        trie.Add("AdditionalInformation/additionalInformation", SedField.AdditionalInformation);
        body(trie, version);
        return trie;
    }

    private static void Person(SedPathTrie t, CdmVersion v)
    {
        const string Id = "Person/PersonIdentification";
        t.Add($"{Id}/familyName", SedField.FamilyName);
        t.Add($"{Id}/forename", SedField.Forename);
        t.Add($"{Id}/dateBirth", SedField.DateBirth);
        t.Add($"{Id}/familyNameAtBirth", SedField.FamilyNameAtBirth);
        t.Add($"{Id}/forenameAtBirth", SedField.ForenameAtBirth);
        t.Add($"{Id}/IfPINNotProvidedForEveryInstitutionPleaseProvide/PlaceBirth/town", SedField.PlaceBirthTown);
        t.Add($"{Id}/IfPINNotProvidedForEveryInstitutionPleaseProvide/PlaceBirth/country/value", SedField.PlaceBirthCountry);
        // 4.4 wraps codes in <value>; 4.3 sends sex as a bare code; for 4.2 both shapes occur.
        if (v != CdmVersion.V44)
        {
            t.Add($"{Id}/sex", SedField.Sex);
        }
        if (v != CdmVersion.V43)
        {
            t.Add($"{Id}/sex/value", SedField.Sex);
        }
        // 4.2 has no PINPersonInEachInstitution wrapper and a bare nationality text.
        Pin(t, v == CdmVersion.V42 ? $"{Id}/PersonalIdentificationNumber" : $"{Id}/PINPersonInEachInstitution/PersonalIdentificationNumber");
        t.Add(v == CdmVersion.V42 ? "Person/AdditionalInformationPerson/nationality" : "Person/AdditionalInformationPerson/nationality/value", SedField.Nationality);
    }

    private static void Pin(SedPathTrie t, string p)
    {
        t.Add(p, block: SedBlock.Pin);
        t.Add($"{p}/country/value", SedField.PinCountry);
        t.Add($"{p}/personalIdentificationNumber", SedField.PinNumber);
        t.Add($"{p}/sector/value", SedField.PinSector);
        t.Add($"{p}/Institution/institutionID", SedField.PinInstitutionId);
        t.Add($"{p}/Institution/institutionName", SedField.PinInstitutionName);
    }

    private static void Addresses(SedPathTrie t)
    {
        t.Add("Addresses/Address", block: SedBlock.PersonAddress);
        t.Add("Addresses/Address/type/value", SedField.AddressType);
        AddressLines(t, "Addresses/Address/Address", withCountry: true);
    }

    private static void AddressLines(SedPathTrie t, string p, bool withCountry)
    {
        t.Add($"{p}/street", SedField.AddressStreet);
        t.Add($"{p}/buildingName", SedField.AddressBuildingName);
        t.Add($"{p}/town", SedField.AddressTown);
        t.Add($"{p}/postalCode", SedField.AddressPostalCode);
        t.Add($"{p}/region", SedField.AddressRegion);
        if (withCountry)
        {
            t.Add($"{p}/country/value", SedField.AddressCountry);
        }
    }

    private static void Organisation(SedPathTrie t, string p, SedBlock role)
    {
        t.Add(p, block: role);
        t.Add($"{p}/name", SedField.EmployerName);
        t.Add($"{p}/marginalActivity/value", SedField.EmployerMarginalActivity);
        t.Add($"{p}/IdentificationNumbers/IdentificationNumber", block: SedBlock.OrganisationId);
        t.Add($"{p}/IdentificationNumbers/IdentificationNumber/number", SedField.OrganisationIdNumber);
        t.Add($"{p}/IdentificationNumbers/IdentificationNumber/type/value", SedField.OrganisationIdType);
        t.Add($"{p}/Address", block: SedBlock.EmployerAddress);
        AddressLines(t, $"{p}/Address", withCountry: true);
    }

    private static void PlaceWork(SedPathTrie t)
    {
        t.Add("PlaceWork/aFixedPlaceWorkExistsIndicator/value", SedField.FixedPlaceOfWork);
        t.Add("PlaceWork/CountriesWork", block: SedBlock.WorkCountry);
        t.Add("PlaceWork/CountriesWork/countryWork/value", SedField.WorkCountry);
        const string Place = "PlaceWork/CountriesWork/PlaceWork/PlaceWork";
        t.Add(Place, block: SedBlock.PlaceOfWork);
        t.Add($"{Place}/companyNameVesselName", SedField.PlaceName);
        t.Add($"{Place}/flagStatehomeBase", SedField.PlaceFlagStateHomeBase);
        t.Add($"{Place}/Address", block: SedBlock.PlaceOfWorkAddress);
        AddressLines(t, $"{Place}/Address", withCountry: false);
    }

    private static void Period(SedPathTrie t, string p)
    {
        t.Add($"{p}/FixedPeriod/startDate", SedField.PeriodStart);
        t.Add($"{p}/FixedPeriod/endDate", SedField.PeriodEnd);
        t.Add($"{p}/OpenPeriod/typeOpenPeriod/value", SedField.OpenPeriodType);
        t.Add($"{p}/OpenPeriod/startDate", SedField.PeriodStart);
    }

    private static void Decision(SedPathTrie t)
    {
        const string D = "DecisionLegislationApplicable";
        t.Add($"{D}/Decision/InitialDecision/value", SedField.InitialDecision);
        t.Add($"{D}/Decision/AmendingDecision/InitialDecision/value", SedField.InitialDecision);
        t.Add($"{D}/Decision/AmendingDecision/datePreviousDecision", SedField.DatePreviousDecision);
        t.Add($"{D}/memberStateWhichLegislationApplies/value", SedField.LegislationState);
        t.Add($"{D}/theDecisionAppliesForDurationActivityIndicator/value", SedField.ForDurationOfActivity);
        Period(t, $"{D}/PeriodForWhichDecisionApplies");
        t.Add("articleRegulationECNo8832004/value", SedField.Article);
    }

    private static void A009(SedPathTrie t, CdmVersion v)
    {
        Addresses(t);
        Organisation(t, "EmployerInPostingState/Employer", SedBlock.Employer);
        Organisation(t, "EmployerInOtherMSConcerned/Employer", SedBlock.OtherMemberStateEmployer);
        Organisation(t, "SelfEmployment/SelfEmployment", SedBlock.SelfEmployment);
        PlaceWork(t);
        Decision(t);
    }

    private static void A003(SedPathTrie t, CdmVersion v)
    {
        Addresses(t);
        Organisation(t, "EmployerInDesignatedState/Employer", SedBlock.Employer);
        Organisation(t, "EmployerInOtherMS/Employer", SedBlock.OtherMemberStateEmployer);
        Organisation(t, "SelfEmployment/SelfEmployment", SedBlock.SelfEmployment);
        PlaceWork(t);
        Decision(t);
    }

    private static void A001(SedPathTrie t, CdmVersion v)
    {
        Addresses(t);
        Organisation(t, "IdentificationEmployer/Employer", SedBlock.Employer);
        Organisation(t, "IdentificationSelfEmployment/SelfEmployment", SedBlock.SelfEmployment);
        Organisation(t, "EmployerInHostCountryIfRelevant", SedBlock.HostCountryEmployer);
        PlaceWork(t);
        t.Add("RequestedPeriod/startDate", SedField.PeriodStart);
        t.Add("RequestedPeriod/endDate", SedField.PeriodEnd);
        const string R = "RequestedForSituationsCoveredByArti8832004";
        t.Add(R, block: SedBlock.Exception);
        t.Add($"{R}/regulationArticlesSituationAgreementExceptionProposed/value", SedField.Article);
        t.Add($"{R}/FillInIfArticle10/teleworkFrameworkAgreement/value", SedField.TeleworkFrameworkAgreement);
        t.Add("ApplicableLegislation", block: SedBlock.Exception);
        t.Add("ApplicableLegislation/applicableLegislationCurrentSituation/value", SedField.CurrentLegislation);
        t.Add("ApplicableLegislation/applicableLegislationRequestedSituation/value", SedField.RequestedLegislation);
        t.Add("MoreInformation/TypeRequest/amendmentIndicator/value", SedField.AmendmentIndicator);
    }

    private static void A008(SedPathTrie t, CdmVersion v)
    {
        Addresses(t);
        t.Add("Change", block: SedBlock.Change);
        t.Add("Change/typeChange/value", SedField.ChangeType);
        t.Add("Change/effectiveDate", SedField.EffectiveDate);
        t.Add("Change/cancelWholePeriod/value", SedField.CancelWholePeriod);
        Period(t, "PeriodForWhichDecisionApplies");
        PlaceWork(t);
    }

    private static void Reply(SedPathTrie t, CdmVersion v)
    {
        // The record has no reply block: the free text is kept as additional information.
        t.Add("Reply/text", SedField.AdditionalInformation);
    }

    private static void X008(SedPathTrie t, CdmVersion v)
    {
        t.Add("Invalidate", block: SedBlock.Invalidation);
        t.Add("Invalidate/sedType/value", SedField.InvalidatedSedType);
        t.Add("Invalidate/sedIssueDate", SedField.InvalidatedIssueDate);
        t.Add("Invalidate/reason/value", SedField.InvalidationReason);
    }

    private static void PersonOnly(SedPathTrie t, CdmVersion v) => Addresses(t);

    private static SedPathTrie BuildEnvelope()
    {
        // SBDH headers name their prefix "sbdh" (the standard's examples, every sender seen); another prefix only misses the guesses.
        var t = new SedPathTrie(guessPrefix: "sbdh");
        t.Add("Sender/Identifier", SedField.EnvelopeSender);
        t.Add("Receiver/Identifier", SedField.EnvelopeReceiver);
        t.Add("DocumentIdentification/InstanceIdentifier", SedField.EnvelopeDocumentId);
        t.Add("DocumentIdentification/CreationDateAndTime", SedField.EnvelopeCreatedAt);
        t.Add("BusinessScope/Scope", block: SedBlock.Scope);
        t.Add("BusinessScope/Scope/Type", SedField.ScopeType);
        t.Add("BusinessScope/Scope/InstanceIdentifier", SedField.ScopeInstanceIdentifier);
        t.Add("BusinessScope/Scope/Identifier", SedField.ScopeIdentifier);
        // Header elements every envelope has and nothing reads: known to the map (no field), they are
        // guessed like the others instead of each costing a failed lookup and a skip.
        t.Add("HeaderVersion");
        t.Add("DocumentIdentification/Standard");
        t.Add("DocumentIdentification/TypeVersion");
        t.Add("DocumentIdentification/Type");
        return t;
    }
}
