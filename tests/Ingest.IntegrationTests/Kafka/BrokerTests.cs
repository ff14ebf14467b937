using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests.Kafka;

/// <summary>The dev broker runs in its own process (started by run-local.sh); these tests are the second process.</summary>
public sealed class BrokerTests
{
    [Fact]
    public async Task A_consumer_group_commits_and_a_new_member_resumes_after_the_commit()
    {
        var bootstrap = LocalServices.KafkaBootstrap;
        var topic = LocalServices.UniqueName("it.roundtrip");
        var group = LocalServices.UniqueName("it-group");
        await ProduceAsync(bootstrap, topic, 200);

        var first = ConsumeAndCommit(bootstrap, topic, group, take: 120);
        var second = ConsumeAndCommit(bootstrap, topic, group, take: 80);

        Assert.Equal(120, first.Count);
        Assert.Equal(80, second.Count);
        var all = first.Concat(second).Select(m => m.Value).ToHashSet();
        Assert.Equal(200, all.Count);
        Assert.All(first.Concat(second), m => Assert.Equal(Encoding.UTF8.GetBytes("ingest-test"), m.Headers.GetLastBytes("origin")));
    }

    [Fact]
    public async Task Kcat_lists_the_brokers_and_topics()
    {
        var psi = new ProcessStartInfo("kcat", ["-b", LocalServices.KafkaBootstrap, "-L", "-m", "5"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var kcat = Process.Start(psi)!;
        var output = await kcat.StandardOutput.ReadToEndAsync();
        await kcat.WaitForExitAsync();

        Assert.Equal(0, kcat.ExitCode);
        Assert.Contains("3 brokers:", output, StringComparison.Ordinal);
        Assert.Contains("topic \"eessi.la.seds\" with 6 partitions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_reports_records_it_dropped_before_anyone_consumed_them()
    {
        var bootstrap = LocalServices.KafkaBootstrap;
        var topic = LocalServices.UniqueName("it.overflow");
        // ~20 MB uncompressed into one partition: far more than the mock keeps (~5 MB), so its
        // oldest records go. (With compressed batches the mock's size accounting keeps far more.)
        await ProduceAsync(bootstrap, topic, 5000, payloadBytes: 4096, partition: 0, compression: CompressionType.None);

        var status = Path.Combine(Path.GetDirectoryName(Environment.GetEnvironmentVariable("INGEST_KAFKA_BOOTSTRAP_FILE")
            ?? Path.Combine(LocalServices.RepositoryRoot, ".local", "kafka", "bootstrap.txt"))!, "broker-status.json");
        long dropped = 0;
        for (var i = 0; i < 100 && dropped == 0; i++)
        {
            await Task.Delay(100);
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(status));
            if (doc.RootElement.GetProperty("partitions").TryGetProperty($"{topic}[0]", out var n))
            {
                dropped = n.GetInt64();
            }
        }
        Assert.True(dropped > 0, "the broker did not report the records it dropped");
    }

    private static async Task ProduceAsync(string bootstrap, string topic, int count, int payloadBytes = 0, int? partition = null, CompressionType compression = CompressionType.Lz4)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = compression,
        }).Build();
        // Random bytes: zeros would compress to nothing and never fill a partition.
        var pad = new byte[payloadBytes];
        new Random(42).NextBytes(pad);
        for (var i = 0; i < count; i++)
        {
            var value = Encoding.UTF8.GetBytes($"message-{i}").Concat(pad).ToArray();
            var message = new Message<string, byte[]>
            {
                Key = $"person-{i % 17}",
                Value = value,
                Headers = new Headers { { "origin", Encoding.UTF8.GetBytes("ingest-test") } },
            };
            if (partition is { } p)
            {
                producer.Produce(new TopicPartition(topic, p), message);
            }
            else
            {
                producer.Produce(topic, message);
            }
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }

    private static List<Message<string, byte[]>> ConsumeAndCommit(string bootstrap, string topic, string group, int take)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            GroupProtocol = GroupProtocol.Consumer,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            FetchWaitMaxMs = 5,
        }).Build();
        consumer.Subscribe(topic);
        var got = new List<Message<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (got.Count < take && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                continue;
            }
            got.Add(result.Message);
            consumer.StoreOffset(result);
        }
        consumer.Commit();
        consumer.Close();
        return got;
    }
}
