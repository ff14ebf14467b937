namespace Ingest.Sed.Reporting;

public enum ParseOutputMode : byte
{
    /// <summary>One short line per unit, then totals.</summary>
    Summary = 0,
    /// <summary>path TAB sed|not-sed|malformed TAB (SED type | code: message).</summary>
    Status = 1,
    /// <summary>Each parsed SED as one JSON line.</summary>
    Json = 2,
}
