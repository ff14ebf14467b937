namespace Ingest.Core.Seds;

/// <summary>
/// One parsed SED version with its case envelope. Values are the raw strings of the XML
/// (after entity and newline normalisation): normalisers interpret them, so that what the
/// sender wrote is always kept and the parser never guesses. A parsed record holds most values as
/// UTF-8 (<see cref="SedText"/>, <see cref="ValueBytes"/>) until they are first read.
/// </summary>
public sealed class SedRecord
{
    public CaseEnvelope Envelope { get; set; } = new();

    /// <summary>SED type from the root element, e.g. "A009" or "X008".</summary>
    public string SedType { get; set; } = "";

    /// <summary>CDM version from the root namespace, e.g. "4.4" (namespace .../4_4/A009).</summary>
    public string CdmVersion { get; set; } = "";

    /// <summary>The bytes of the values the parser wrote; kept and reused when the record is recycled.</summary>
    internal SedValueBytes? ValueBytes;

    public string? SedGVer { get; set; }
    public string? SedVer { get; set; }

    public PersonBlock Person { get; set; } = new();
    public List<AddressEntry> Addresses { get; } = [];
    public List<EmployerEntry> Employers { get; } = [];

    internal SedText FixedPlaceOfWorkText;
    /// <summary>aFixedPlaceWorkExistsIndicator: "1" or "0".</summary>
    public string? FixedPlaceOfWork { get => FixedPlaceOfWorkText.Value; set => FixedPlaceOfWorkText = value; }
    public List<WorkCountryEntry> WorkCountries { get; } = [];

    public DecisionBlock Decision { get; set; } = new();

    internal SedText ArticleText;
    /// <summary>Article code (A009: 01 = 12(1), 02 = 12(2); A003/A010 article codes; A001 exception code).</summary>
    public string? Article { get => ArticleText.Value; set => ArticleText = value; }

    public A001Block? Exception { get; set; }
    public ChangeBlock? Change { get; set; }

    /// <summary>An A008 cancelling the whole period (<see cref="ChangeBlock.CancelsWholePeriod"/>): it voids its case's decisions.</summary>
    public bool CancelsWholePeriod =>
        Change is { CancelsWholePeriod: true } && SedType.AsSpan().Trim().Equals("A008", StringComparison.OrdinalIgnoreCase);
    public InvalidationBlock? Invalidation { get; set; }

    internal SedText AdditionalInformationText;
    public string? AdditionalInformation { get => AdditionalInformationText.Value; set => AdditionalInformationText = value; }
}

/// <summary>
/// Exchange-layer metadata (see README "Case envelope"): travels in a Standard Business Document
/// Header around the SED, or in a Kafka record's headers.
/// </summary>
public sealed class CaseEnvelope
{
    internal SedText CaseIdText = "";
    public string CaseId { get => CaseIdText.Value ?? ""; set => CaseIdText = value; }
    internal SedText BucTypeText = "";
    public string BucType { get => BucTypeText.Value ?? ""; set => BucTypeText = value; }
    internal SedText DocumentIdText = "";
    /// <summary>32 hex characters.</summary>
    public string DocumentId { get => DocumentIdText.Value ?? ""; set => DocumentIdText = value; }
    public int DocumentVersion { get; set; } = 1;
    internal SedText SenderInstitutionText = "";
    public string SenderInstitution { get => SenderInstitutionText.Value ?? ""; set => SenderInstitutionText = value; }
    internal SedText ReceiverInstitutionText = "";
    public string ReceiverInstitution { get => ReceiverInstitutionText.Value ?? ""; set => ReceiverInstitutionText = value; }
    internal SedText ReceivedAtText = "";
    /// <summary>Raw timestamp as sent (ISO 8601 expected, other shapes occur).</summary>
    public string ReceivedAt { get => ReceivedAtText.Value ?? ""; set => ReceivedAtText = value; }
    internal SedText CreatedAtText;
    public string? CreatedAt { get => CreatedAtText.Value; set => CreatedAtText = value; }
}

public sealed class PersonBlock
{
    internal SedText FamilyNameText;
    public string? FamilyName { get => FamilyNameText.Value; set => FamilyNameText = value; }
    internal SedText ForenameText;
    public string? Forename { get => ForenameText.Value; set => ForenameText = value; }
    internal SedText DateBirthText;
    public string? DateBirth { get => DateBirthText.Value; set => DateBirthText = value; }
    internal SedText SexText;
    /// <summary>01 male, 02 female, 98 unknown.</summary>
    public string? Sex { get => SexText.Value; set => SexText = value; }
    internal SedText FamilyNameAtBirthText;
    public string? FamilyNameAtBirth { get => FamilyNameAtBirthText.Value; set => FamilyNameAtBirthText = value; }
    internal SedText ForenameAtBirthText;
    public string? ForenameAtBirth { get => ForenameAtBirthText.Value; set => ForenameAtBirthText = value; }
    public List<PinEntry> Pins { get; } = [];
    public List<string> Nationalities { get; } = [];
    internal SedText PlaceBirthTownText;
    public string? PlaceBirthTown { get => PlaceBirthTownText.Value; set => PlaceBirthTownText = value; }
    internal SedText PlaceBirthCountryText;
    public string? PlaceBirthCountry { get => PlaceBirthCountryText.Value; set => PlaceBirthCountryText = value; }
}

public sealed class PinEntry
{
    internal SedText CountryText;
    public string? Country { get => CountryText.Value; set => CountryText = value; }
    internal SedText NumberText;
    public string? Number { get => NumberText.Value; set => NumberText = value; }
    internal SedText SectorText;
    public string? Sector { get => SectorText.Value; set => SectorText = value; }
    internal SedText InstitutionIdText;
    public string? InstitutionId { get => InstitutionIdText.Value; set => InstitutionIdText = value; }
    internal SedText InstitutionNameText;
    public string? InstitutionName { get => InstitutionNameText.Value; set => InstitutionNameText = value; }
}

public sealed class AddressEntry
{
    internal SedText TypeText;
    /// <summary>01 residence, 02 stay, 03 contact; null for employer and place-of-work addresses.</summary>
    public string? Type { get => TypeText.Value; set => TypeText = value; }
    internal SedText StreetText;
    public string? Street { get => StreetText.Value; set => StreetText = value; }
    internal SedText BuildingNameText;
    public string? BuildingName { get => BuildingNameText.Value; set => BuildingNameText = value; }
    internal SedText TownText;
    public string? Town { get => TownText.Value; set => TownText = value; }
    internal SedText PostalCodeText;
    public string? PostalCode { get => PostalCodeText.Value; set => PostalCodeText = value; }
    internal SedText RegionText;
    public string? Region { get => RegionText.Value; set => RegionText = value; }
    internal SedText CountryText;
    public string? Country { get => CountryText.Value; set => CountryText = value; }
}

public enum EmployerRole : byte
{
    /// <summary>A009 EmployerInPostingState, A001 IdentificationEmployer, A003 employer in the designated state.</summary>
    Employer = 0,
    /// <summary>A009 EmployerInOtherMSConcerned, A003 employers in other states.</summary>
    OtherMemberState = 1,
    SelfEmployment = 2,
    /// <summary>A001 EmployerInHostCountryIfRelevant.</summary>
    HostCountry = 3,
}

public sealed class EmployerEntry
{
    public EmployerRole Role { get; set; }
    internal SedText NameText;
    public string? Name { get => NameText.Value; set => NameText = value; }
    public List<OrganisationId> Ids { get; } = [];
    public AddressEntry? Address { get; set; }
    internal SedText MarginalActivityText;
    /// <summary>A003 marginal-activity flag ("1"/"0") where sent.</summary>
    public string? MarginalActivity { get => MarginalActivityText.Value; set => MarginalActivityText = value; }
}

public sealed class OrganisationId
{
    internal SedText NumberText;
    public string? Number { get => NumberText.Value; set => NumberText = value; }
    internal SedText TypeText;
    /// <summary>01 registration, 02 social security, 03 fiscal, 98 unknown.</summary>
    public string? Type { get => TypeText.Value; set => TypeText = value; }
}

public sealed class WorkCountryEntry
{
    internal SedText CountryText;
    public string? Country { get => CountryText.Value; set => CountryText = value; }
    public List<PlaceOfWork> Places { get; } = [];
}

public sealed class PlaceOfWork
{
    internal SedText NameText;
    public string? Name { get => NameText.Value; set => NameText = value; }
    internal SedText FlagStateHomeBaseText;
    public string? FlagStateHomeBase { get => FlagStateHomeBaseText.Value; set => FlagStateHomeBaseText = value; }
    public AddressEntry Address { get; set; } = new();
}

public sealed class DecisionBlock
{
    internal SedText LegislationStateText;
    public string? LegislationState { get => LegislationStateText.Value; set => LegislationStateText = value; }
    internal SedText InitialDecisionText;
    /// <summary>"1" initial decision, "0" amending decision.</summary>
    public string? InitialDecision { get => InitialDecisionText.Value; set => InitialDecisionText = value; }
    internal SedText DatePreviousDecisionText;
    public string? DatePreviousDecision { get => DatePreviousDecisionText.Value; set => DatePreviousDecisionText = value; }
    internal SedText ForDurationOfActivityText;
    /// <summary>theDecisionAppliesForDurationActivityIndicator ("1"/"0").</summary>
    public string? ForDurationOfActivity { get => ForDurationOfActivityText.Value; set => ForDurationOfActivityText = value; }
    internal SedText PeriodStartText;
    public string? PeriodStart { get => PeriodStartText.Value; set => PeriodStartText = value; }
    internal SedText PeriodEndText;
    public string? PeriodEnd { get => PeriodEndText.Value; set => PeriodEndText = value; }
    internal SedText OpenPeriodTypeText;
    /// <summary>Set for an open period: 01 open-ended, 98 end unknown.</summary>
    public string? OpenPeriodType { get => OpenPeriodTypeText.Value; set => OpenPeriodTypeText = value; }
}

/// <summary>A001 request for an exception (Art. 16). Its requested period goes to <see cref="DecisionBlock"/>.</summary>
public sealed class A001Block
{
    public List<string> CurrentLegislation { get; } = [];
    public List<string> RequestedLegislation { get; } = [];
    internal SedText TeleworkFrameworkAgreementText;
    public string? TeleworkFrameworkAgreement { get => TeleworkFrameworkAgreementText.Value; set => TeleworkFrameworkAgreementText = value; }
    internal SedText AmendmentIndicatorText;
    public string? AmendmentIndicator { get => AmendmentIndicatorText.Value; set => AmendmentIndicatorText = value; }
}

/// <summary>A008 notification of a relevant change, or cancellation of the whole period (CDM 4.4).</summary>
public sealed class ChangeBlock
{
    internal SedText ChangeTypeText;
    /// <summary>"period", "workplace", "address", "name", "cancellation".</summary>
    public string? ChangeType { get => ChangeTypeText.Value; set => ChangeTypeText = value; }
    internal SedText EffectiveDateText;
    public string? EffectiveDate { get => EffectiveDateText.Value; set => EffectiveDateText = value; }
    internal SedText CancelWholePeriodText;
    /// <summary>"1" when the whole period is cancelled.</summary>
    public string? CancelWholePeriod { get => CancelWholePeriodText.Value; set => CancelWholePeriodText = value; }

    /// <summary>The whole period is cancelled: by the flag, or a change of type "cancellation" (senders use either).</summary>
    public bool CancelsWholePeriod =>
        CancelWholePeriod?.Trim() == "1" || string.Equals(ChangeType?.Trim(), "cancellation", StringComparison.OrdinalIgnoreCase);
}

/// <summary>X008: the invalidated SED is named by type and issue date within the case.</summary>
public sealed class InvalidationBlock
{
    internal SedText TargetSedTypeText;
    public string? TargetSedType { get => TargetSedTypeText.Value; set => TargetSedTypeText = value; }
    internal SedText TargetIssueDateText;
    public string? TargetIssueDate { get => TargetIssueDateText.Value; set => TargetIssueDateText = value; }
    internal SedText ReasonText;
    public string? Reason { get => ReasonText.Value; set => ReasonText = value; }
}
