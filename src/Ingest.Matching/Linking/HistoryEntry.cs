using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Linking;

/// <summary>
/// What the run remembers about one evaluated SED version, for rules that look across SEDs, as the
/// evaluator hands it to <see cref="RunHistory.Register"/> (rules read it back as <see cref="HistoryView"/>).
/// A struct passed by reference: the history copies what it keeps, so a SED costs no object here.
/// </summary>
internal readonly struct HistoryEntry
{
    public required string CaseId { get; init; }
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required string SedType { get; init; }
    public required DateOnly? IssueDate { get; init; }
    public required Period? Period { get; init; }
    public required string? State { get; init; }
    public required string? SenderCountry { get; init; }
    public required string Article { get; init; }
    public required string PersonKey { get; init; }
    /// <summary>Key of the matched reference person, when matched ("" otherwise).</summary>
    public required string ReferencePersonKey { get; init; }
    public required string EmployerKey { get; init; }
    public required NormalizedName EmployerName { get; init; }
    public required string[] WorkCountries { get; init; }
    public required NormalizedName Name { get; init; }
    public required int BirthDay { get; init; }
    public required string[] PinKeys { get; init; }

    /// <summary>Hash of the unit the SED was read from (<see cref="Delivery.Replay"/>).</summary>
    public int Unit { get; init; }

    /// <summary>Hash of the normalised name with the birth date (0: none, e.g. a placeholder person).</summary>
    public ulong NameKey { get; init; }

    /// <summary>The same for the national romanisation of a Greek or Cyrillic name (0: none).</summary>
    public ulong NationalNameKey { get; init; }

    /// <summary>An amending decision (it supersedes the earlier decisions of its type in the case).</summary>
    public bool IsAmendment { get; init; }
    public required bool WholePeriodCancelled { get; init; }

    /// <summary>A legislation conflict was found on it (LEG-01/LEG-02).</summary>
    public bool HadConflict { get; init; }

    /// <summary>Another control relied on it: it matched a declaration or an A1, or raised a red flag.</summary>
    public bool ReliedUpon { get; init; }

    public bool IsDecision => SedType is "A003" or "A009" or "A010";
}
