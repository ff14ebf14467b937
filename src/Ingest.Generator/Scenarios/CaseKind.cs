namespace Ingest.Generator.Scenarios;

public enum CaseKind : byte
{
    /// <summary>LA_BUC_04: A009 (+ amendments, A008, A005/A006, X-SEDs).</summary>
    Posting,
    /// <summary>LA_BUC_02: A003 (+ A004, A012).</summary>
    MultiState,
    /// <summary>LA_BUC_05: A010.</summary>
    OtherArticle,
    /// <summary>LA_BUC_01: A001 (+ A011 or A002).</summary>
    Exception,
    /// <summary>An X-SED whose case has no A-SED in the corpus (STR-09).</summary>
    OrphanX,
}
