namespace Ingest.Core.Seds;

/// <summary>
/// One parsed SED version with its case envelope. Values are the raw strings of the XML
/// (after entity and newline normalisation): normalisers interpret them, so that what the
/// sender wrote is always kept and the parser never guesses.
/// </summary>
public sealed class SedRecord
{
    public CaseEnvelope Envelope { get; set; } = new();

    /// <summary>SED type from the root element, e.g. "A009" or "X008".</summary>
    public string SedType { get; set; } = "";

    /// <summary>CDM version from the root namespace, e.g. "4.4" (namespace .../4_4/A009).</summary>
    public string CdmVersion { get; set; } = "";

    public string? SedGVer { get; set; }
    public string? SedVer { get; set; }

    public PersonBlock Person { get; set; } = new();
    public List<AddressEntry> Addresses { get; } = [];
    public List<EmployerEntry> Employers { get; } = [];

    /// <summary>aFixedPlaceWorkExistsIndicator: "1" or "0".</summary>
    public string? FixedPlaceOfWork { get; set; }
    public List<WorkCountryEntry> WorkCountries { get; } = [];

    public DecisionBlock Decision { get; set; } = new();

    /// <summary>Article code (A009: 01 = 12(1), 02 = 12(2); A003/A010 article codes; A001 exception code).</summary>
    public string? Article { get; set; }

    public A001Block? Exception { get; set; }
    public ChangeBlock? Change { get; set; }
    public InvalidationBlock? Invalidation { get; set; }

    public string? AdditionalInformation { get; set; }
}

/// <summary>
/// Exchange-layer metadata (see README "Case envelope"): travels in a Standard Business Document
/// Header around the SED, or in a Kafka record's headers.
/// </summary>
public sealed class CaseEnvelope
{
    public string CaseId { get; set; } = "";
    public string BucType { get; set; } = "";
    /// <summary>32 hex characters.</summary>
    public string DocumentId { get; set; } = "";
    public int DocumentVersion { get; set; } = 1;
    public string SenderInstitution { get; set; } = "";
    public string ReceiverInstitution { get; set; } = "";
    /// <summary>Raw timestamp as sent (ISO 8601 expected, other shapes occur).</summary>
    public string ReceivedAt { get; set; } = "";
    public string? CreatedAt { get; set; }
}

public sealed class PersonBlock
{
    public string? FamilyName { get; set; }
    public string? Forename { get; set; }
    public string? DateBirth { get; set; }
    /// <summary>01 male, 02 female, 98 unknown.</summary>
    public string? Sex { get; set; }
    public string? FamilyNameAtBirth { get; set; }
    public string? ForenameAtBirth { get; set; }
    public List<PinEntry> Pins { get; } = [];
    public List<string> Nationalities { get; } = [];
    public string? PlaceBirthTown { get; set; }
    public string? PlaceBirthCountry { get; set; }
}

public sealed class PinEntry
{
    public string? Country { get; set; }
    public string? Number { get; set; }
    public string? Sector { get; set; }
    public string? InstitutionId { get; set; }
    public string? InstitutionName { get; set; }
}

public sealed class AddressEntry
{
    /// <summary>01 residence, 02 stay, 03 contact; null for employer and place-of-work addresses.</summary>
    public string? Type { get; set; }
    public string? Street { get; set; }
    public string? BuildingName { get; set; }
    public string? Town { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }
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
    public string? Name { get; set; }
    public List<OrganisationId> Ids { get; } = [];
    public AddressEntry? Address { get; set; }
    /// <summary>A003 marginal-activity flag ("1"/"0") where sent.</summary>
    public string? MarginalActivity { get; set; }
}

public sealed class OrganisationId
{
    public string? Number { get; set; }
    /// <summary>01 registration, 02 social security, 03 fiscal, 98 unknown.</summary>
    public string? Type { get; set; }
}

public sealed class WorkCountryEntry
{
    public string? Country { get; set; }
    public List<PlaceOfWork> Places { get; } = [];
}

public sealed class PlaceOfWork
{
    public string? Name { get; set; }
    public string? FlagStateHomeBase { get; set; }
    public AddressEntry Address { get; set; } = new();
}

public sealed class DecisionBlock
{
    public string? LegislationState { get; set; }
    /// <summary>"1" initial decision, "0" amending decision.</summary>
    public string? InitialDecision { get; set; }
    public string? DatePreviousDecision { get; set; }
    /// <summary>theDecisionAppliesForDurationActivityIndicator ("1"/"0").</summary>
    public string? ForDurationOfActivity { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    /// <summary>Set for an open period: 01 open-ended, 98 end unknown.</summary>
    public string? OpenPeriodType { get; set; }
}

/// <summary>A001 request for an exception (Art. 16). Its requested period goes to <see cref="DecisionBlock"/>.</summary>
public sealed class A001Block
{
    public List<string> CurrentLegislation { get; } = [];
    public List<string> RequestedLegislation { get; } = [];
    public string? TeleworkFrameworkAgreement { get; set; }
    public string? AmendmentIndicator { get; set; }
}

/// <summary>A008 notification of a relevant change, or cancellation of the whole period (CDM 4.4).</summary>
public sealed class ChangeBlock
{
    /// <summary>"period", "workplace", "address", "name", "cancellation".</summary>
    public string? ChangeType { get; set; }
    public string? EffectiveDate { get; set; }
    /// <summary>"1" when the whole period is cancelled.</summary>
    public string? CancelWholePeriod { get; set; }
}

/// <summary>X008: the invalidated SED is named by type and issue date within the case.</summary>
public sealed class InvalidationBlock
{
    public string? TargetSedType { get; set; }
    public string? TargetIssueDate { get; set; }
    public string? Reason { get; set; }
}
