namespace Ingest.Matching.Linking;

/// <summary>How a SED version reaches the run, against what its history holds.</summary>
internal enum Delivery
{
    /// <summary>Not seen before.</summary>
    First,

    /// <summary>Seen before from another unit: the sender delivered it again (STR-08).</summary>
    Duplicate,

    /// <summary>
    /// Seen before from this very unit: a Kafka record redelivered after a rebalance or an outage
    /// lost its partition before the offset was stored. Not the sender's doing: evaluated again, as a
    /// re-evaluation is, with what the history holds now (itself left out), and not registered twice.
    /// </summary>
    Replay,
}
