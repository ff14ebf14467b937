namespace Ingest.Sed.Mapping;

/// <summary>A leaf value of <see cref="Ingest.Core.Seds.SedRecord"/> that an element's text is written to.</summary>
internal enum SedField : byte
{
    None = 0,
    FamilyName,
    Forename,
    DateBirth,
    Sex,
    FamilyNameAtBirth,
    ForenameAtBirth,
    PinCountry,
    PinNumber,
    PinSector,
    PinInstitutionId,
    PinInstitutionName,
    Nationality,
    PlaceBirthTown,
    PlaceBirthCountry,

    // Written to the address opened by the innermost address block (person, employer or place of work).
    AddressType,
    AddressStreet,
    AddressBuildingName,
    AddressTown,
    AddressPostalCode,
    AddressRegion,
    AddressCountry,

    EmployerName,
    EmployerMarginalActivity,
    OrganisationIdNumber,
    OrganisationIdType,

    FixedPlaceOfWork,
    WorkCountry,
    PlaceName,
    PlaceFlagStateHomeBase,

    InitialDecision,
    DatePreviousDecision,
    LegislationState,
    ForDurationOfActivity,
    PeriodStart,
    PeriodEnd,
    OpenPeriodType,
    Article,
    AdditionalInformation,

    CurrentLegislation,
    RequestedLegislation,
    TeleworkFrameworkAgreement,
    AmendmentIndicator,

    ChangeType,
    EffectiveDate,
    CancelWholePeriod,

    InvalidatedSedType,
    InvalidatedIssueDate,
    InvalidationReason,

    // SBDH envelope.
    EnvelopeSender,
    EnvelopeReceiver,
    EnvelopeDocumentId,
    EnvelopeCreatedAt,
    ScopeType,
    ScopeInstanceIdentifier,
    ScopeIdentifier,
}
