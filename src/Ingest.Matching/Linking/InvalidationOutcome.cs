namespace Ingest.Matching.Linking;

/// <summary>How an X008 was resolved within its case (target named by SED type and issue date).</summary>
internal readonly record struct InvalidationOutcome(int Resolved, bool Ambiguous, bool TargetReliedUpon, string? TargetDocumentId)
{
    public bool Pending => Resolved == 0;
}
