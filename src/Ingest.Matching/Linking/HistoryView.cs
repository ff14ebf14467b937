using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Linking;

/// <summary>
/// An earlier SED version as a rule reads it from the run's history: a copy of its record, taken
/// when the view was handed out, whose texts become strings only when a rule asks for them (most
/// rules read the type, the flags and the period, and only of some entries).
/// </summary>
/// <remarks>
/// A view stays valid after the history moves on: the texts it reads are never changed, and a
/// bounded history forgets by dropping a whole generation, never by rewriting its tables.
/// </remarks>
internal sealed class HistoryView
{
    private readonly HistoryTexts _texts;
    private readonly HistoryRecord _record;
    private string? _caseId;
    private string? _documentId;
    private string? _personKey;
    private string? _employerKey;
    private NormalizedName? _employerName;
    private NormalizedName? _name;
    private string[]? _workCountries;
    private string[]? _pinKeys;

    internal HistoryView(HistoryTexts texts, in HistoryRecord record)
    {
        _texts = texts;
        _record = record;
    }

    public string CaseId => _caseId ??= _texts.Text(_record.Case);

    /// <summary>Whether the entry belongs to the case, without making its id a string.</summary>
    public bool IsOfCase(string caseId) => _texts.Span(_record.Case).SequenceEqual(caseId);

    public string DocumentId => _documentId ??= _texts.Text(_record.Document);

    public int Version => _record.Version;

    public string SedType => _texts.Code(_record.SedType);

    public DateOnly? IssueDate => _record.IssueDate;

    public Period? Period => _record.Period;

    public string? State => _record.State < 0 ? null : _texts.Code(_record.State);

    public string? SenderCountry => _record.SenderCountry < 0 ? null : _texts.Code(_record.SenderCountry);

    public string Article => _texts.Code(_record.Article);

    public string PersonKey => _personKey ??= _texts.Text(_record.PersonKey);

    public string EmployerKey => _employerKey ??= _texts.Text(_record.EmployerKey);

    public NormalizedName EmployerName => _employerName ??= NameOf(_record.EmployerName);

    public string[] WorkCountries => _workCountries ??= _texts.List(_record.WorkCountries);

    public NormalizedName Name => _name ??= NameOf(_record.Name);

    public int BirthDay => _record.BirthDay;

    public string[] PinKeys => _pinKeys ??= _texts.List(_record.PinKeys);

    public ulong NameKey => _record.NameKey;

    public bool IsAmendment => _record.Has(HistoryFlags.Amendment);

    public bool WholePeriodCancelled => _record.Has(HistoryFlags.WholePeriodCancelled);

    /// <summary>An X008 invalidated this SED, or an A008 cancelled its whole period.</summary>
    public bool Invalidated => _record.Has(HistoryFlags.Invalidated | HistoryFlags.Cancelled);

    /// <summary>
    /// An X008 invalidated this SED (sent in error, say): unlike a cancelled posting, it never was. A
    /// cancellation's own rule still reads the posting it cancels, whichever A008 cancelled it first.
    /// </summary>
    public bool InvalidatedByX008 => _record.Has(HistoryFlags.Invalidated);

    /// <summary>
    /// A newer version of the document, or an amending decision of the case, was received: this entry
    /// is no longer the current state of the posting (still kept, DOMAIN §4.1).
    /// </summary>
    public bool Superseded => _record.Has(HistoryFlags.Superseded);

    /// <summary>A legislation conflict was found on it (LEG-01/LEG-02).</summary>
    public bool HadConflict => _record.Has(HistoryFlags.HadConflict);

    /// <summary>Another control relied on it: it matched a declaration or an A1, or raised a red flag.</summary>
    public bool ReliedUpon => _record.Has(HistoryFlags.ReliedUpon);

    public bool IsPosting => _texts.Span(_record.Article) is "12.1" or "12.2";

    public bool IsDecision => _record.Has(HistoryFlags.Decision);

    private NormalizedName NameOf(int id) => id == HistoryTexts.Empty ? NormalizedName.Empty : new NormalizedName(_texts.Text(id));
}
