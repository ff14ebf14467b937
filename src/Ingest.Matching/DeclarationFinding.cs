using Ingest.Core.Results;

namespace Ingest.Matching;

/// <summary>A finding about a posting declaration rather than a SED (POST-02): the declaration and the anomaly.</summary>
public sealed record DeclarationFinding(string DeclarationId, Anomaly Anomaly);
