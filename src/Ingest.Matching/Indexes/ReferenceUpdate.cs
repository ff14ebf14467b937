namespace Ingest.Matching.Indexes;

/// <summary>
/// What <see cref="ReferenceSnapshot.With"/> made: the new snapshot (the same instance when nothing
/// changed), how many records were dropped or added, and the match keys of those records.
/// </summary>
public sealed record ReferenceUpdate(ReferenceSnapshot Snapshot, int RecordsChanged, MatchKeySet Touched);
