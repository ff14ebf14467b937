using Ingest.Core.Seds;

namespace Ingest.Generator.Scenarios;

/// <summary>A SED about to be written: its record, the episode it tells and its lifecycle facts.</summary>
public sealed class PlannedSed
{
    public required SedRecord Record { get; init; }
    public required Episode Episode { get; init; }
    public required DateTime Received { get; set; }
    /// <summary>Issue date, as X008 names its target.</summary>
    public required DateOnly IssuedOn { get; init; }
    public bool Superseded { get; set; }
    public bool Invalidated { get; set; }
    /// <summary>The X008 or A008 that invalidates this SED.</summary>
    public PlannedSed? InvalidatedBy { get; set; }
    /// <summary>The main decision SED of the episode (A009/A003/A010/A001), version 1 or later.</summary>
    public bool IsDecision { get; init; }
    public bool IsAmendment { get; init; }
    public PlannedSed? PreviousVersion { get; init; }
    /// <summary>
    /// Delivered broken (quarantined, never evaluated). Decided before the truth is written so that
    /// rules comparing SEDs only expect what the engine can see.
    /// </summary>
    public bool Malformed { get; set; }
    /// <summary>Position in the order the engine reads the dossier's SEDs: by reception day, then as planned.</summary>
    public int Arrival { get; set; }
    public List<string> Rules { get; } = [];
    public List<string> NearMisses { get; } = [];
}
