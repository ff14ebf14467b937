using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.Core.Results;

/// <summary>Everything the engine concluded about one SED version: what the sink writes.</summary>
public sealed class SedEvaluation
{
    public SedEvaluation(UnitId unit, SedRecord sed)
    {
        Unit = unit;
        Sed = sed;
    }

    public UnitId Unit { get; }
    public SedRecord Sed { get; }
    public List<MatchResult> Matches { get; } = [];
    public List<Anomaly> Anomalies { get; } = [];

    /// <summary>Stable person key (normalised PIN + country, else name + birth date) used for partitioning.</summary>
    public string? PersonKey { get; set; }

    /// <summary>Set when a RED rule took the SED out of automatic processing.</summary>
    public ReviewQueueEntry? ReviewEntry { get; set; }

    public bool RedFlag
    {
        get
        {
            foreach (var a in Anomalies)
            {
                if (a.Severity >= Severity.Red)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
