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
    private string? _scopeType;
    private string? _scopeInstance;
    private string? _scopeIdentifier;

    public SedRecord Record => _record;

    /// <summary>Starts a document: into <paramref name="reuse"/> (taken apart first) when given, else into a new record.</summary>
    public void Reset(SedRecord? reuse = null)
    {
        _record = reuse is null ? new SedRecord() : _recycler.Recycle(reuse);
        _pin = null;
        _address = null;
        _employer = null;
        _organisationId = null;
        _workCountry = null;
        _place = null;
        _scopeType = _scopeInstance = _scopeIdentifier = null;
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
                _scopeType = _scopeInstance = _scopeIdentifier = null;
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

    public void Set(SedField field, string value)
    {
        var r = _record;
        var p = r.Person;
        switch (field)
        {
            case SedField.FamilyName: p.FamilyName = value; break;
            case SedField.Forename: p.Forename = value; break;
            case SedField.DateBirth: p.DateBirth = value; break;
            case SedField.Sex: p.Sex = value; break;
            case SedField.FamilyNameAtBirth: p.FamilyNameAtBirth = value; break;
            case SedField.ForenameAtBirth: p.ForenameAtBirth = value; break;
            case SedField.PinCountry: _pin!.Country = value; break;
            case SedField.PinNumber: _pin!.Number = value; break;
            case SedField.PinSector: _pin!.Sector = value; break;
            case SedField.PinInstitutionId: _pin!.InstitutionId = value; break;
            case SedField.PinInstitutionName: _pin!.InstitutionName = value; break;
            case SedField.Nationality: p.Nationalities.Add(value); break;
            case SedField.PlaceBirthTown: p.PlaceBirthTown = value; break;
            case SedField.PlaceBirthCountry: p.PlaceBirthCountry = value; break;
            case SedField.AddressType when _address is not null: _address.Type = value; break;
            case SedField.AddressStreet when _address is not null: _address.Street = value; break;
            case SedField.AddressBuildingName when _address is not null: _address.BuildingName = value; break;
            case SedField.AddressTown when _address is not null: _address.Town = value; break;
            case SedField.AddressPostalCode when _address is not null: _address.PostalCode = value; break;
            case SedField.AddressRegion when _address is not null: _address.Region = value; break;
            case SedField.AddressCountry when _address is not null: _address.Country = value; break;
            case SedField.EmployerName when _employer is not null: _employer.Name = value; break;
            case SedField.EmployerMarginalActivity when _employer is not null: _employer.MarginalActivity = value; break;
            case SedField.OrganisationIdNumber when _organisationId is not null: _organisationId.Number = value; break;
            case SedField.OrganisationIdType when _organisationId is not null: _organisationId.Type = value; break;
            case SedField.FixedPlaceOfWork: r.FixedPlaceOfWork = value; break;
            case SedField.WorkCountry when _workCountry is not null: _workCountry.Country = value; break;
            case SedField.PlaceName when _place is not null: _place.Name = value; break;
            case SedField.PlaceFlagStateHomeBase when _place is not null: _place.FlagStateHomeBase = value; break;
            case SedField.InitialDecision: r.Decision.InitialDecision = value; break;
            case SedField.DatePreviousDecision: r.Decision.DatePreviousDecision = value; break;
            case SedField.LegislationState: r.Decision.LegislationState = value; break;
            case SedField.ForDurationOfActivity: r.Decision.ForDurationOfActivity = value; break;
            case SedField.PeriodStart: r.Decision.PeriodStart = value; break;
            case SedField.PeriodEnd: r.Decision.PeriodEnd = value; break;
            case SedField.OpenPeriodType: r.Decision.OpenPeriodType = value; break;
            case SedField.Article: r.Article = value; break;
            case SedField.AdditionalInformation: r.AdditionalInformation = value; break;
            case SedField.CurrentLegislation: (r.Exception ??= _recycler.Exception()).CurrentLegislation.Add(value); break;
            case SedField.RequestedLegislation: (r.Exception ??= _recycler.Exception()).RequestedLegislation.Add(value); break;
            case SedField.TeleworkFrameworkAgreement: (r.Exception ??= _recycler.Exception()).TeleworkFrameworkAgreement = value; break;
            case SedField.AmendmentIndicator: (r.Exception ??= _recycler.Exception()).AmendmentIndicator = value; break;
            case SedField.ChangeType: (r.Change ??= _recycler.Change()).ChangeType = value; break;
            case SedField.EffectiveDate: (r.Change ??= _recycler.Change()).EffectiveDate = value; break;
            case SedField.CancelWholePeriod: (r.Change ??= _recycler.Change()).CancelWholePeriod = value; break;
            case SedField.InvalidatedSedType: (r.Invalidation ??= _recycler.Invalidation()).TargetSedType = value; break;
            case SedField.InvalidatedIssueDate: (r.Invalidation ??= _recycler.Invalidation()).TargetIssueDate = value; break;
            case SedField.InvalidationReason: (r.Invalidation ??= _recycler.Invalidation()).Reason = value; break;
            case SedField.EnvelopeSender: r.Envelope.SenderInstitution = value; break;
            case SedField.EnvelopeReceiver: r.Envelope.ReceiverInstitution = value; break;
            case SedField.EnvelopeDocumentId: r.Envelope.DocumentId = value; break;
            case SedField.EnvelopeCreatedAt: r.Envelope.CreatedAt = value; break;
            case SedField.ScopeType: _scopeType = value; break;
            case SedField.ScopeInstanceIdentifier: _scopeInstance = value; break;
            case SedField.ScopeIdentifier: _scopeIdentifier = value; break;
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
        switch (_scopeType)
        {
            case "CASE":
                e.CaseId = _scopeInstance ?? e.CaseId;
                e.BucType = _scopeIdentifier ?? e.BucType;
                break;
            case "DOCUMENT_VERSION":
                if (int.TryParse(_scopeInstance, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    e.DocumentVersion = version;
                }
                break;
            case "RECEIVED":
                e.ReceivedAt = _scopeInstance ?? e.ReceivedAt;
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
