using Confluent.Kafka;
using Ingest.Worker.Kafka;
using Ingest.Worker.Options;

namespace Ingest.Tests.Worker;

/// <summary>
/// The consumer group's protocol: cooperative-sticky (classic) against a production cluster, which may
/// predate KIP-848; the new protocol against the dev broker, or wherever it is asked for.
/// </summary>
public sealed class KafkaGroupProtocolTests : IDisposable
{
    private readonly string _bootstrapFile = Path.Combine(Path.GetTempPath(), $"bootstrap-{Guid.NewGuid():N}.txt");

    public KafkaGroupProtocolTests() => File.WriteAllText(_bootstrapFile, "127.0.0.1:40001,127.0.0.1:40002\n");

    public void Dispose() => File.Delete(_bootstrapFile);

    [Fact]
    public void A_configured_cluster_gets_the_classic_protocol_with_cooperative_sticky_assignment()
    {
        var config = KafkaClients.Consumer(new KafkaOptions { BootstrapServers = "kafka-1.example:9092", BootstrapFile = _bootstrapFile });
        Assert.Equal(GroupProtocol.Classic, config.GroupProtocol);
        Assert.Equal(PartitionAssignmentStrategy.CooperativeSticky, config.PartitionAssignmentStrategy);
    }

    [Theory]
    [InlineData("")] // read from the dev broker's file
    [InlineData("127.0.0.1:40001,127.0.0.1:40002")] // or named, the same address
    public void The_dev_broker_gets_the_consumer_protocol(string servers)
    {
        var config = KafkaClients.Consumer(new KafkaOptions { BootstrapServers = servers, BootstrapFile = _bootstrapFile });
        Assert.Equal(GroupProtocol.Consumer, config.GroupProtocol);
        Assert.Null(config.PartitionAssignmentStrategy);
    }

    [Theory]
    [InlineData("consumer", "kafka-1.example:9092", GroupProtocol.Consumer)]
    [InlineData("classic", "", GroupProtocol.Classic)]
    public void An_explicit_protocol_wins(string protocol, string servers, GroupProtocol expected) =>
        Assert.Equal(expected, KafkaClients.Consumer(new KafkaOptions { GroupProtocol = protocol, BootstrapServers = servers, BootstrapFile = _bootstrapFile }).GroupProtocol);
}
