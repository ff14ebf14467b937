using Ingest.Core.Seds;

namespace Ingest.Sed;

/// <summary>
/// Takes a record its owner is done with apart for the next document: every value back to what a new
/// record holds, the repeated entries (PINs, addresses, employers, identifiers, work countries, places,
/// the A001/change/invalidation blocks) kept aside and handed out again by the builder. A document
/// parsed into a recycled record then allocates nothing once its interned values have been seen. One per thread, like the builder.
/// </summary>
internal sealed class SedRecordRecycler
{
    private readonly List<PinEntry> _pins = [];
    private readonly List<AddressEntry> _addresses = [];
    private readonly List<EmployerEntry> _employers = [];
    private readonly List<OrganisationId> _ids = [];
    private readonly List<WorkCountryEntry> _workCountries = [];
    private readonly List<PlaceOfWork> _places = [];
    private A001Block? _exception;
    private ChangeBlock? _change;
    private InvalidationBlock? _invalidation;

    // A hostile document may hold thousands of entries: only a typical SED's worth is kept.
    private const int MaxSpares = 16;

    public SedRecord Recycle(SedRecord r)
    {
        ClearEnvelope(r.Envelope);
        r.SedType = "";
        r.CdmVersion = "";
        r.SedGVer = r.SedVer = null;
        ClearPerson(r.Person);
        foreach (var a in r.Addresses)
        {
            ClearAddress(a);
            Keep(_addresses, a);
        }
        Empty(r.Addresses);
        foreach (var e in r.Employers)
        {
            foreach (var id in e.Ids)
            {
                id.Number = id.Type = null;
                Keep(_ids, id);
            }
            Empty(e.Ids);
            if (e.Address is { } address)
            {
                ClearAddress(address);
                Keep(_addresses, address);
            }
            e.Address = null;
            e.Role = EmployerRole.Employer;
            e.Name = e.MarginalActivity = null;
            Keep(_employers, e);
        }
        Empty(r.Employers);
        r.FixedPlaceOfWork = null;
        foreach (var w in r.WorkCountries)
        {
            foreach (var p in w.Places)
            {
                p.Name = p.FlagStateHomeBase = null;
                ClearAddress(p.Address);
                Keep(_places, p);
            }
            Empty(w.Places);
            w.Country = null;
            Keep(_workCountries, w);
        }
        Empty(r.WorkCountries);
        ClearDecision(r.Decision);
        r.Article = null;
        if (r.Exception is { } exception)
        {
            Empty(exception.CurrentLegislation);
            Empty(exception.RequestedLegislation);
            exception.TeleworkFrameworkAgreement = exception.AmendmentIndicator = null;
            _exception = exception;
        }
        if (r.Change is { } change)
        {
            change.ChangeType = change.EffectiveDate = change.CancelWholePeriod = null;
            _change = change;
        }
        if (r.Invalidation is { } invalidation)
        {
            invalidation.TargetSedType = invalidation.TargetIssueDate = invalidation.Reason = null;
            _invalidation = invalidation;
        }
        r.Exception = null;
        r.Change = null;
        r.Invalidation = null;
        r.AdditionalInformation = null;
        // Last: no value points into the bytes any more.
        r.ValueBytes?.Clear();
        return r;
    }

    public PinEntry Pin() => Take(_pins) ?? new PinEntry();

    public AddressEntry Address() => Take(_addresses) ?? new AddressEntry();

    public EmployerEntry Employer() => Take(_employers) ?? new EmployerEntry();

    public OrganisationId OrganisationId() => Take(_ids) ?? new OrganisationId();

    public WorkCountryEntry WorkCountry() => Take(_workCountries) ?? new WorkCountryEntry();

    public PlaceOfWork Place() => Take(_places) ?? new PlaceOfWork();

    public A001Block Exception() => TakeOne(ref _exception) ?? new A001Block();

    public ChangeBlock Change() => TakeOne(ref _change) ?? new ChangeBlock();

    public InvalidationBlock Invalidation() => TakeOne(ref _invalidation) ?? new InvalidationBlock();

    private static T? TakeOne<T>(ref T? spare)
        where T : class
    {
        var item = spare;
        spare = null;
        return item;
    }

    /// <summary>Cleared, and its array dropped when a hostile document made it large: a kept record stays small.</summary>
    private static void Empty<T>(List<T> list)
    {
        list.Clear();
        if (list.Capacity > MaxSpares)
        {
            list.Capacity = 0;
        }
    }

    private static void Keep<T>(List<T> spares, T item)
    {
        if (spares.Count < MaxSpares)
        {
            spares.Add(item);
        }
    }

    private static T? Take<T>(List<T> spares)
        where T : class
    {
        var n = spares.Count;
        if (n == 0)
        {
            return null;
        }
        var item = spares[n - 1];
        spares.RemoveAt(n - 1);
        return item;
    }

    private static void ClearEnvelope(CaseEnvelope e)
    {
        e.CaseId = e.BucType = e.DocumentId = "";
        e.DocumentVersion = 1;
        e.SenderInstitution = e.ReceiverInstitution = e.ReceivedAt = "";
        e.CreatedAt = null;
    }

    private void ClearPerson(PersonBlock p)
    {
        p.FamilyName = p.Forename = p.DateBirth = p.Sex = p.FamilyNameAtBirth = p.ForenameAtBirth = null;
        foreach (var pin in p.Pins)
        {
            pin.Country = pin.Number = pin.Sector = pin.InstitutionId = pin.InstitutionName = null;
            Keep(_pins, pin);
        }
        Empty(p.Pins);
        Empty(p.Nationalities);
        p.PlaceBirthTown = p.PlaceBirthCountry = null;
    }

    private static void ClearAddress(AddressEntry a) =>
        a.Type = a.Street = a.BuildingName = a.Town = a.PostalCode = a.Region = a.Country = null;

    private static void ClearDecision(DecisionBlock d) =>
        d.LegislationState = d.InitialDecision = d.DatePreviousDecision = d.ForDurationOfActivity = d.PeriodStart = d.PeriodEnd = d.OpenPeriodType = null;
}
