namespace Ingest.Generator.Truth;

/// <summary>What the engine should conclude about one SED unit. Schema: docs/GENERATOR.md.</summary>
public sealed record TruthRecord
{
    /// <summary>Unit name in the zip layout, relative to the corpus folder: "zip/2025-03-01.zip!entry.xml".</summary>
    public required string Unit { get; init; }
    /// <summary>Path in the files layout: "files/2025-03-01/entry.xml".</summary>
    public required string File { get; init; }
    /// <summary>Frame name in the frames layout ("frames/2025-03-01.seds#12"), when written.</summary>
    public string? Frame { get; init; }
    public required string Day { get; init; }
    public required string CaseId { get; init; }
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required string SedType { get; init; }
    public required string CdmVersion { get; init; }
    public required string ReceivedAt { get; init; }
    public string? TruePersonId { get; init; }
    public string? ExpectedA1 { get; init; }
    public string? ExpectedDeclaration { get; init; }
    public IReadOnlyList<string> Rules { get; init; } = [];
    /// <summary>Rules this SED was built to narrowly miss (they must not fire).</summary>
    public IReadOnlyList<string> NearMisses { get; init; } = [];
    public bool Malformed { get; init; }
    /// <summary>truncated, bad-utf8.</summary>
    public string? MalformedKind { get; init; }
    public bool DuplicateDelivery { get; init; }
    public bool Superseded { get; init; }
    public bool Invalidated { get; init; }
}
