using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Linking;

/// <summary>
/// What the run remembers about one evaluated SED version, for rules that look across SEDs. The
/// settable values are replaced by <see cref="RunHistory"/> with equal ones it already holds.
/// </summary>
internal sealed class HistoryEntry
{
    public required string CaseId { get; set; }
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required string SedType { get; init; }
    public required DateOnly? IssueDate { get; init; }
    public required Period? Period { get; init; }
    public required string? State { get; init; }
    public required string? SenderCountry { get; init; }
    public required string Article { get; init; }
    public required string PersonKey { get; set; }
    /// <summary>Key of the matched reference person, when matched ("" otherwise).</summary>
    public required string ReferencePersonKey { get; set; }
    public required string EmployerKey { get; init; }
    public required NormalizedName EmployerName { get; set; }
    public required string[] WorkCountries { get; set; }
    public required NormalizedName Name { get; set; }
    public required int BirthDay { get; init; }
    public required string[] PinKeys { get; set; }

    /// <summary>Hash of the normalised name with the birth date (0: none, e.g. a placeholder person).</summary>
    public ulong NameKey { get; init; }

    /// <summary>The same for the national romanisation of a Greek or Cyrillic name (0: none).</summary>
    public ulong NationalNameKey { get; init; }

    /// <summary>An amending decision (it supersedes the earlier decisions of its type in the case).</summary>
    public bool IsAmendment { get; init; }
    public required bool WholePeriodCancelled { get; init; }

    /// <summary>Set when an X008 (or a later cancellation) invalidated this SED.</summary>
    public bool Invalidated { get; set; }

    /// <summary>
    /// A newer version of the document, or an amending decision of the case, was received: this entry
    /// is no longer the current state of the posting (still kept, DOMAIN §4.1).
    /// </summary>
    public bool Superseded { get; set; }

    /// <summary>A legislation conflict was found on it (LEG-01/LEG-02).</summary>
    public bool HadConflict { get; set; }

    /// <summary>Another control relied on it: it matched a declaration or an A1, or raised a red flag.</summary>
    public bool ReliedUpon { get; set; }

    public bool IsPosting => Article is "12.1" or "12.2";

    public bool IsDecision => SedType is "A003" or "A009" or "A010";
}
