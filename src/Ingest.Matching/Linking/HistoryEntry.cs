using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Linking;

/// <summary>What the run remembers about one evaluated SED version, for rules that look across SEDs.</summary>
internal sealed class HistoryEntry
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
    public required bool WholePeriodCancelled { get; init; }
    public required string Unit { get; init; }

    /// <summary>Set when an X008 (or a later cancellation) invalidated this SED.</summary>
    public bool Invalidated { get; set; }

    /// <summary>A legislation conflict was found on it (LEG-01/LEG-02).</summary>
    public bool HadConflict { get; set; }

    /// <summary>Another control relied on it: it matched a declaration or an A1, or raised a red flag.</summary>
    public bool ReliedUpon { get; set; }

    public bool IsPosting => Article is "12.1" or "12.2";
}
