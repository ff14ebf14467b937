namespace Ingest.DevBroker;

public sealed class DevBrokerOptions
{
    public int Brokers { get; set; } = 3;

    /// <summary>Topic name → partition count.</summary>
    public Dictionary<string, int> Topics { get; set; } = new(StringComparer.Ordinal)
    {
        ["eessi.la.seds"] = 6,
        ["eessi.la.seds.dlq"] = 3,
        ["ingest.a1"] = 3,
        ["ingest.declarations"] = 3,
    };

    /// <summary>Where the bootstrap address goes; written atomically, removed on stop.</summary>
    public string BootstrapFile { get; set; } = ".local/kafka/bootstrap.txt";

    /// <summary>Drop counts, rewritten atomically every poll, for tests that must fail on loss.</summary>
    public string StatusFile { get; set; } = ".local/kafka/broker-status.json";

    /// <summary>Consumer groups whose commits mark records as consumed.</summary>
    public List<string> WatchGroups { get; set; } = ["ingest-stream"];

    /// <summary>Session timeout of consumer groups on the new protocol (group.protocol=consumer).</summary>
    public int ConsumerSessionTimeoutMs { get; set; } = 6000;

    public int ConsumerHeartbeatIntervalMs { get; set; } = 500;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
