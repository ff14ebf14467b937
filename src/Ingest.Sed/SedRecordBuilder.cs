using System.Globalization;
using Ingest.Core.Seds;
using Ingest.Sed.Mapping;

namespace Ingest.Sed;

/// <summary>Applies mapped blocks and values to a <see cref="SedRecord"/>; holds the "current" entry of each repeated block.</summary>
internal sealed class SedRecordBuilder
{
    private readonly SedRecordRecycler _recycler = new();
    private SedRecord _record = new();
    private PinEntry? _pin;
    private AddressEntry? _address;
    private EmployerEntry? _employer;
    private OrganisationId? _organisationId;
    private WorkCountryEntry? _workCountry;
    private PlaceOfWork? _place;
    private SedText _scopeType;
    private SedText _scopeInstance;
    private SedText _scopeIdentifier;
    // The last amendment indicator set made the record's A001 block (it has no block element of its own).
    private bool _exceptionMadeByAmendment;

    public SedRecord Record => _record;

    /// <summary>Where the document's distinct values are copied (the record's own, reused with it).</summary>
    public SedValueBytes Values { get; private set; } = null!;

    /// <summary>Starts a document: into <paramref name="reuse"/> (taken apart first) when given, else into a new record.</summary>
    public void Reset(SedRecord? reuse = null)
    {
        _record = reuse is null ? new SedRecord() : _recycler.Recycle(reuse);
        // A few hundred bytes hold a typical SED's distinct values.
        Values = _record.ValueBytes ??= new SedValueBytes(384);
        _pin = null;
        _address = null;
        _employer = null;
        _organisationId = null;
        _workCountry = null;
        _place = null;
        _scopeType = _scopeInstance = _scopeIdentifier = default;
        _exceptionMadeByAmendment = false;
    }

    public void Open(SedBlock block)
    {
        var r = _record;
        switch (block)
        {
            case SedBlock.Pin:
                _pin = _recycler.Pin();
                r.Person.Pins.Add(_pin);
                break;
            case SedBlock.PersonAddress:
                _address = _recycler.Address();
                r.Addresses.Add(_address);
                break;
            case SedBlock.Employer:
            case SedBlock.OtherMemberStateEmployer:
            case SedBlock.SelfEmployment:
            case SedBlock.HostCountryEmployer:
                _employer = _recycler.Employer();
                _employer.Role = RoleOf(block);
                r.Employers.Add(_employer);
                break;
            case SedBlock.EmployerAddress:
                if (_employer is not null)
                {
                    _address = _employer.Address = _recycler.Address();
                }
                break;
            case SedBlock.OrganisationId:
                if (_employer is not null)
                {
                    _organisationId = _recycler.OrganisationId();
                    _employer.Ids.Add(_organisationId);
                }
                break;
            case SedBlock.WorkCountry:
                _workCountry = _recycler.WorkCountry();
                r.WorkCountries.Add(_workCountry);
                break;
            case SedBlock.PlaceOfWork:
                if (_workCountry is null)
                {
                    _workCountry = _recycler.WorkCountry();
                    r.WorkCountries.Add(_workCountry);
                }
                _place = _recycler.Place();
                _workCountry.Places.Add(_place);
                break;
            case SedBlock.PlaceOfWorkAddress:
                _address = _place?.Address;
                break;
            case SedBlock.Exception:
                r.Exception ??= _recycler.Exception();
                break;
            case SedBlock.Change:
                r.Change ??= _recycler.Change();
                break;
            case SedBlock.Invalidation:
                r.Invalidation ??= _recycler.Invalidation();
                break;
            case SedBlock.Scope:
                _scopeType = _scopeInstance = _scopeIdentifier = default;
                break;
        }
    }

    public void Close(SedBlock block)
    {
        switch (block)
        {
            case SedBlock.PersonAddress:
            case SedBlock.EmployerAddress:
            case SedBlock.PlaceOfWorkAddress:
                _address = null;
                break;
            case SedBlock.Scope:
                ApplyScope();
                break;
        }
    }

    /// <summary>Sets <paramref name="field"/>; what a single-valued field held before (default for a repeated one, which gains an entry).</summary>
    public SedText Set(SedField field, SedText value)
    {
        SedText previous = default;
        var r = _record;
        var p = r.Person;
        switch (field)
        {
            case SedField.FamilyName: previous = p.FamilyNameText; p.FamilyNameText = value; break;
            case SedField.Forename: previous = p.ForenameText; p.ForenameText = value; break;
            case SedField.DateBirth: previous = p.DateBirthText; p.DateBirthText = value; break;
            case SedField.Sex: previous = p.SexText; p.SexText = value; break;
            case SedField.FamilyNameAtBirth: previous = p.FamilyNameAtBirthText; p.FamilyNameAtBirthText = value; break;
            case SedField.ForenameAtBirth: previous = p.ForenameAtBirthText; p.ForenameAtBirthText = value; break;
            case SedField.PinCountry: previous = _pin!.CountryText; _pin!.CountryText = value; break;
            case SedField.PinNumber: previous = _pin!.NumberText; _pin!.NumberText = value; break;
            case SedField.PinSector: previous = _pin!.SectorText; _pin!.SectorText = value; break;
            case SedField.PinInstitutionId: previous = _pin!.InstitutionIdText; _pin!.InstitutionIdText = value; break;
            case SedField.PinInstitutionName: previous = _pin!.InstitutionNameText; _pin!.InstitutionNameText = value; break;
            case SedField.Nationality: p.Nationalities.Add(value.Value!); break;
            case SedField.PlaceBirthTown: previous = p.PlaceBirthTownText; p.PlaceBirthTownText = value; break;
            case SedField.PlaceBirthCountry: previous = p.PlaceBirthCountryText; p.PlaceBirthCountryText = value; break;
            case SedField.AddressType when _address is not null: previous = _address.TypeText; _address.TypeText = value; break;
            case SedField.AddressStreet when _address is not null: previous = _address.StreetText; _address.StreetText = value; break;
            case SedField.AddressBuildingName when _address is not null: previous = _address.BuildingNameText; _address.BuildingNameText = value; break;
            case SedField.AddressTown when _address is not null: previous = _address.TownText; _address.TownText = value; break;
            case SedField.AddressPostalCode when _address is not null: previous = _address.PostalCodeText; _address.PostalCodeText = value; break;
            case SedField.AddressRegion when _address is not null: previous = _address.RegionText; _address.RegionText = value; break;
            case SedField.AddressCountry when _address is not null: previous = _address.CountryText; _address.CountryText = value; break;
            case SedField.EmployerName when _employer is not null: previous = _employer.NameText; _employer.NameText = value; break;
            case SedField.EmployerMarginalActivity when _employer is not null: previous = _employer.MarginalActivityText; _employer.MarginalActivityText = value; break;
            case SedField.OrganisationIdNumber when _organisationId is not null: previous = _organisationId.NumberText; _organisationId.NumberText = value; break;
            case SedField.OrganisationIdType when _organisationId is not null: previous = _organisationId.TypeText; _organisationId.TypeText = value; break;
            case SedField.FixedPlaceOfWork: previous = r.FixedPlaceOfWorkText; r.FixedPlaceOfWorkText = value; break;
            case SedField.WorkCountry when _workCountry is not null: previous = _workCountry.CountryText; _workCountry.CountryText = value; break;
            case SedField.PlaceName when _place is not null: previous = _place.NameText; _place.NameText = value; break;
            case SedField.PlaceFlagStateHomeBase when _place is not null: previous = _place.FlagStateHomeBaseText; _place.FlagStateHomeBaseText = value; break;
            case SedField.InitialDecision: previous = r.Decision.InitialDecisionText; r.Decision.InitialDecisionText = value; break;
            case SedField.DatePreviousDecision: previous = r.Decision.DatePreviousDecisionText; r.Decision.DatePreviousDecisionText = value; break;
            case SedField.LegislationState: previous = r.Decision.LegislationStateText; r.Decision.LegislationStateText = value; break;
            case SedField.ForDurationOfActivity: previous = r.Decision.ForDurationOfActivityText; r.Decision.ForDurationOfActivityText = value; break;
            case SedField.PeriodStart: previous = r.Decision.PeriodStartText; r.Decision.PeriodStartText = value; break;
            case SedField.PeriodEnd: previous = r.Decision.PeriodEndText; r.Decision.PeriodEndText = value; break;
            case SedField.OpenPeriodType: previous = r.Decision.OpenPeriodTypeText; r.Decision.OpenPeriodTypeText = value; break;
            case SedField.Article: previous = r.ArticleText; r.ArticleText = value; break;
            case SedField.AdditionalInformation: previous = r.AdditionalInformationText; r.AdditionalInformationText = value; break;
            case SedField.CurrentLegislation: (r.Exception ??= _recycler.Exception()).CurrentLegislation.Add(value.Value!); break;
            case SedField.RequestedLegislation: (r.Exception ??= _recycler.Exception()).RequestedLegislation.Add(value.Value!); break;
            case SedField.TeleworkFrameworkAgreement: { var b = r.Exception ??= _recycler.Exception(); previous = b.TeleworkFrameworkAgreementText; b.TeleworkFrameworkAgreementText = value; } break;
            case SedField.AmendmentIndicator: previous = SetAmendmentIndicator(value); break;
            case SedField.ChangeType: { var b = r.Change ??= _recycler.Change(); previous = b.ChangeTypeText; b.ChangeTypeText = value; } break;
            case SedField.EffectiveDate: { var b = r.Change ??= _recycler.Change(); previous = b.EffectiveDateText; b.EffectiveDateText = value; } break;
            case SedField.CancelWholePeriod: { var b = r.Change ??= _recycler.Change(); previous = b.CancelWholePeriodText; b.CancelWholePeriodText = value; } break;
            case SedField.InvalidatedSedType: { var b = r.Invalidation ??= _recycler.Invalidation(); previous = b.TargetSedTypeText; b.TargetSedTypeText = value; } break;
            case SedField.InvalidatedIssueDate: { var b = r.Invalidation ??= _recycler.Invalidation(); previous = b.TargetIssueDateText; b.TargetIssueDateText = value; } break;
            case SedField.InvalidationReason: { var b = r.Invalidation ??= _recycler.Invalidation(); previous = b.ReasonText; b.ReasonText = value; } break;
            case SedField.EnvelopeSender: previous = r.Envelope.SenderInstitutionText; r.Envelope.SenderInstitutionText = value; break;
            case SedField.EnvelopeReceiver: previous = r.Envelope.ReceiverInstitutionText; r.Envelope.ReceiverInstitutionText = value; break;
            case SedField.EnvelopeDocumentId: previous = r.Envelope.DocumentIdText; r.Envelope.DocumentIdText = value; break;
            case SedField.EnvelopeCreatedAt: previous = r.Envelope.CreatedAtText; r.Envelope.CreatedAtText = value; break;
            case SedField.ScopeType: previous = _scopeType; _scopeType = value; break;
            case SedField.ScopeInstanceIdentifier: previous = _scopeInstance; _scopeInstance = value; break;
            case SedField.ScopeIdentifier: previous = _scopeIdentifier; _scopeIdentifier = value; break;
        }
        return previous;
    }

    /// <summary>
    /// Takes back what <see cref="Set"/> just gave <paramref name="field"/> (a leaf's text followed by a
    /// child element): a repeated field loses its last entry; a single-valued one gets back
    /// <paramref name="previous"/>, what <see cref="Set"/> returned; an A001 block made by that set goes.
    /// </summary>
    public void Unset(SedField field, SedText previous)
    {
        var r = _record;
        switch (field)
        {
            case SedField.Nationality: RemoveLast(r.Person.Nationalities); break;
            case SedField.CurrentLegislation: RemoveLast(r.Exception?.CurrentLegislation); break;
            case SedField.RequestedLegislation: RemoveLast(r.Exception?.RequestedLegislation); break;
            case SedField.AmendmentIndicator when _exceptionMadeByAmendment:
                r.Exception = null;
                _exceptionMadeByAmendment = false;
                break;
            default: Set(field, previous); break;
        }
    }

    private SedText SetAmendmentIndicator(SedText value)
    {
        var r = _record;
        _exceptionMadeByAmendment = r.Exception is null;
        var exception = r.Exception ??= _recycler.Exception();
        var previous = exception.AmendmentIndicatorText;
        exception.AmendmentIndicatorText = value;
        return previous;
    }

    private static void RemoveLast(List<string>? values)
    {
        if (values is { Count: > 0 })
        {
            values.RemoveAt(values.Count - 1);
        }
    }

    /// <summary>Case metadata from Kafka headers (FORMATS.md §4), for a bare SED without an envelope.</summary>
    public void ApplyHeaders(IReadOnlyDictionary<string, string> headers)
    {
        var e = _record.Envelope;
        if (headers.TryGetValue("eessi-case-id", out var v)) { e.CaseId = v; }
        if (headers.TryGetValue("eessi-buc", out v)) { e.BucType = v; }
        if (headers.TryGetValue("eessi-document-id", out v)) { e.DocumentId = v; }
        if (headers.TryGetValue("eessi-document-version", out v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) { e.DocumentVersion = version; }
        if (headers.TryGetValue("eessi-sender", out v)) { e.SenderInstitution = v; }
        if (headers.TryGetValue("eessi-receiver", out v)) { e.ReceiverInstitution = v; }
        if (headers.TryGetValue("eessi-received-at", out v)) { e.ReceivedAt = v; }
    }

    private void ApplyScope()
    {
        var e = _record.Envelope;
        switch (_scopeType.Value)
        {
            case "CASE":
                if (!_scopeInstance.IsNull)
                {
                    e.CaseIdText = _scopeInstance;
                }
                if (!_scopeIdentifier.IsNull)
                {
                    e.BucTypeText = _scopeIdentifier;
                }
                break;
            case "DOCUMENT_VERSION":
                if (int.TryParse(_scopeInstance.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    e.DocumentVersion = version;
                }
                break;
            case "RECEIVED":
                if (!_scopeInstance.IsNull)
                {
                    e.ReceivedAtText = _scopeInstance;
                }
                break;
        }
    }

    private static EmployerRole RoleOf(SedBlock block) => block switch
    {
        SedBlock.OtherMemberStateEmployer => EmployerRole.OtherMemberState,
        SedBlock.SelfEmployment => EmployerRole.SelfEmployment,
        SedBlock.HostCountryEmployer => EmployerRole.HostCountry,
        _ => EmployerRole.Employer,
    };
}
