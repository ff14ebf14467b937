using System.ComponentModel.DataAnnotations;

namespace Ingest.Worker.Options;

/// <summary>The "Kafka" configuration section. Production sets BootstrapServers; development reads the dev broker's file.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>Comma-separated brokers; when empty, <see cref="BootstrapFile"/> is read.</summary>
    public string BootstrapServers { get; set; } = "";

    public string BootstrapFile { get; set; } = ".local/kafka/bootstrap.txt";

    /// <summary>SED topics; empty means eessi.la.seds. (A non-empty default would be appended to, not replaced, by configuration binding.)</summary>
    public List<string> SedTopics { get; set; } = [];

    public IReadOnlyList<string> Topics => SedTopics.Count > 0 ? SedTopics : ["eessi.la.seds"];

    [Required]
    public string DeadLetterTopic { get; set; } = "eessi.la.seds.dlq";

    public string A1Topic { get; set; } = "ingest.a1";

    public string DeclarationsTopic { get; set; } = "ingest.declarations";

    [Required]
    public string GroupId { get; set; } = "ingest-stream";

    /// <summary>
    /// "classic" (cooperative-sticky assignment, served by every Kafka since 2.4), "consumer" (KIP-848:
    /// the broker assigns, rebalances take milliseconds; Kafka 4.0 and later), or "auto": "consumer"
    /// against the dev broker (the address its bootstrap file holds), "classic" against any other cluster.
    /// </summary>
    [RegularExpression("^(auto|consumer|classic)$")]
    public string GroupProtocol { get; set; } = "auto";

    [Range(1, 500)]
    public int FetchWaitMaxMs { get; set; } = 10;

    [Range(6000, 300000)]
    public int SessionTimeoutMs { get; set; } = 10000;

    /// <summary>Extra librdkafka settings (security.protocol, sasl.*, ssl.*) for a production cluster.</summary>
    public Dictionary<string, string> Client { get; set; } = [];

    /// <summary>Whether the consumer group uses KIP-848 (see <see cref="GroupProtocol"/>).</summary>
    public bool UsesConsumerProtocol() => GroupProtocol switch
    {
        "consumer" => true,
        "classic" => false,
        _ => IsDevBroker(ResolveBootstrap()),
    };

    private bool IsDevBroker(string bootstrap) =>
        File.Exists(BootstrapFile) && string.Equals(File.ReadAllText(BootstrapFile).Trim(), bootstrap.Trim(), StringComparison.Ordinal);

    public string ResolveBootstrap()
    {
        if (!string.IsNullOrWhiteSpace(BootstrapServers))
        {
            return BootstrapServers;
        }
        if (File.Exists(BootstrapFile))
        {
            var text = File.ReadAllText(BootstrapFile).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }
        throw new InvalidOperationException(
            $"no Kafka brokers: set Kafka:BootstrapServers (Kafka__BootstrapServers) or start the dev broker, which writes {BootstrapFile}");
    }
}
