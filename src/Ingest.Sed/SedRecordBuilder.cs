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

    public void Set(SedField field, SedText value)
    {
        var r = _record;
        var p = r.Person;
        switch (field)
        {
            case SedField.FamilyName: p.FamilyNameText = value; break;
            case SedField.Forename: p.ForenameText = value; break;
            case SedField.DateBirth: p.DateBirthText = value; break;
            case SedField.Sex: p.SexText = value; break;
            case SedField.FamilyNameAtBirth: p.FamilyNameAtBirthText = value; break;
            case SedField.ForenameAtBirth: p.ForenameAtBirthText = value; break;
            case SedField.PinCountry: _pin!.CountryText = value; break;
            case SedField.PinNumber: _pin!.NumberText = value; break;
            case SedField.PinSector: _pin!.SectorText = value; break;
            case SedField.PinInstitutionId: _pin!.InstitutionIdText = value; break;
            case SedField.PinInstitutionName: _pin!.InstitutionNameText = value; break;
            case SedField.Nationality: p.Nationalities.Add(value.Value!); break;
            case SedField.PlaceBirthTown: p.PlaceBirthTownText = value; break;
            case SedField.PlaceBirthCountry: p.PlaceBirthCountryText = value; break;
            case SedField.AddressType when _address is not null: _address.TypeText = value; break;
            case SedField.AddressStreet when _address is not null: _address.StreetText = value; break;
            case SedField.AddressBuildingName when _address is not null: _address.BuildingNameText = value; break;
            case SedField.AddressTown when _address is not null: _address.TownText = value; break;
            case SedField.AddressPostalCode when _address is not null: _address.PostalCodeText = value; break;
            case SedField.AddressRegion when _address is not null: _address.RegionText = value; break;
            case SedField.AddressCountry when _address is not null: _address.CountryText = value; break;
            case SedField.EmployerName when _employer is not null: _employer.NameText = value; break;
            case SedField.EmployerMarginalActivity when _employer is not null: _employer.MarginalActivityText = value; break;
            case SedField.OrganisationIdNumber when _organisationId is not null: _organisationId.NumberText = value; break;
            case SedField.OrganisationIdType when _organisationId is not null: _organisationId.TypeText = value; break;
            case SedField.FixedPlaceOfWork: r.FixedPlaceOfWorkText = value; break;
            case SedField.WorkCountry when _workCountry is not null: _workCountry.CountryText = value; break;
            case SedField.PlaceName when _place is not null: _place.NameText = value; break;
            case SedField.PlaceFlagStateHomeBase when _place is not null: _place.FlagStateHomeBaseText = value; break;
            case SedField.InitialDecision: r.Decision.InitialDecisionText = value; break;
            case SedField.DatePreviousDecision: r.Decision.DatePreviousDecisionText = value; break;
            case SedField.LegislationState: r.Decision.LegislationStateText = value; break;
            case SedField.ForDurationOfActivity: r.Decision.ForDurationOfActivityText = value; break;
            case SedField.PeriodStart: r.Decision.PeriodStartText = value; break;
            case SedField.PeriodEnd: r.Decision.PeriodEndText = value; break;
            case SedField.OpenPeriodType: r.Decision.OpenPeriodTypeText = value; break;
            case SedField.Article: r.ArticleText = value; break;
            case SedField.AdditionalInformation: r.AdditionalInformationText = value; break;
            case SedField.CurrentLegislation: (r.Exception ??= _recycler.Exception()).CurrentLegislation.Add(value.Value!); break;
            case SedField.RequestedLegislation: (r.Exception ??= _recycler.Exception()).RequestedLegislation.Add(value.Value!); break;
            case SedField.TeleworkFrameworkAgreement: (r.Exception ??= _recycler.Exception()).TeleworkFrameworkAgreementText = value; break;
            case SedField.AmendmentIndicator: (r.Exception ??= _recycler.Exception()).AmendmentIndicatorText = value; break;
            case SedField.ChangeType: (r.Change ??= _recycler.Change()).ChangeTypeText = value; break;
            case SedField.EffectiveDate: (r.Change ??= _recycler.Change()).EffectiveDateText = value; break;
            case SedField.CancelWholePeriod: (r.Change ??= _recycler.Change()).CancelWholePeriodText = value; break;
            case SedField.InvalidatedSedType: (r.Invalidation ??= _recycler.Invalidation()).TargetSedTypeText = value; break;
            case SedField.InvalidatedIssueDate: (r.Invalidation ??= _recycler.Invalidation()).TargetIssueDateText = value; break;
            case SedField.InvalidationReason: (r.Invalidation ??= _recycler.Invalidation()).ReasonText = value; break;
            case SedField.EnvelopeSender: r.Envelope.SenderInstitutionText = value; break;
            case SedField.EnvelopeReceiver: r.Envelope.ReceiverInstitutionText = value; break;
            case SedField.EnvelopeDocumentId: r.Envelope.DocumentIdText = value; break;
            case SedField.EnvelopeCreatedAt: r.Envelope.CreatedAtText = value; break;
            case SedField.ScopeType: _scopeType = value; break;
            case SedField.ScopeInstanceIdentifier: _scopeInstance = value; break;
            case SedField.ScopeIdentifier: _scopeIdentifier = value; break;
        }
    }

    /// <summary>
    /// Takes back what <see cref="Set"/> just gave <paramref name="field"/> (a leaf's text followed by a
    /// child element, or a value about to be set again whole): a repeated field loses its last entry, any
    /// other is emptied.
    /// </summary>
    public void Unset(SedField field)
    {
        var r = _record;
        switch (field)
        {
            case SedField.Nationality: RemoveLast(r.Person.Nationalities); break;
            case SedField.CurrentLegislation: RemoveLast(r.Exception?.CurrentLegislation); break;
            case SedField.RequestedLegislation: RemoveLast(r.Exception?.RequestedLegislation); break;
            default: Set(field, default); break;
        }
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
