using Ingest.Generator.Truth;

namespace Ingest.Generator.Evaluation;

/// <summary>
/// One disagreement with the truth: <paramref name="What"/> is person, a1, declaration, red-flag or a
/// rule id; <paramref name="Kind"/> is "missed" (the truth expected it) or "false" (predicted wrongly).
/// </summary>
public sealed record ScoreMiss(string What, string Kind, TruthRecord Truth, string? Expected, string? Predicted);
