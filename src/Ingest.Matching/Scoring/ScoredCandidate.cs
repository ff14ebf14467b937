namespace Ingest.Matching.Scoring;

/// <summary>One reference record found for a SED, with its person score.</summary>
internal readonly record struct ScoredCandidate(int Id, PersonScore Person);
