using Ingest.Core.Results;

namespace Ingest.Matching.Rules;

/// <summary>A rule's positive outcome: the explanation, and a severity when the rule grades its findings.</summary>
internal readonly record struct Finding(string Reason, Severity? Severity = null);
