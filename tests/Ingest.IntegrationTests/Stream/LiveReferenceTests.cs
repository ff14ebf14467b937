using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Ingest.Core.Reference;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests.Stream;

/// <summary>A SED that arrives before its A1: matched once the A1 comes in on the reference topic.</summary>
public sealed class LiveReferenceTests : IAsyncLifetime
{
    private readonly string _topic = LocalServices.UniqueName("it.live.seds");
    private readonly string _a1Topic = LocalServices.UniqueName("it.live.a1");
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>
    /// With a re-evaluation window of one SED, an unrelated unmatched SED that came first leaves the window
    /// (its record recycled, or dropped when recycling is off) and the SED of the A1 stays in it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_SED_that_arrived_before_its_A1_is_matched_when_the_A1_arrives(bool recycleRecords)
    {
        using var producer = ProduceSeds(SyntheticSeds.Make("live", 2), SyntheticSeds.Make("live", 1));

        using var worker = IngestProcess.Start(_db.Name, "stream", "--topic", _topic, "--group", LocalServices.UniqueName("it-live"),
            "--set", $"Kafka:A1Topic={_a1Topic}", "--set", "Kafka:DeclarationsTopic=",
            "--set", "Stream:ReevaluationWindow=1", "--set", $"Stream:RecycleRecords={recycleRecords}");
        await WaitFor("unmatched", worker);

        await ProduceA1AndWaitForItsMatch(producer, worker);
        Assert.Contains("re-evaluated", worker.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two unmatched SEDs wait; the A1 of one arrives. Only that SED shares a match key with the A1
    /// (the other has its own PIN, forename and birth date), so only it is evaluated again.
    /// </summary>
    [Fact]
    public async Task An_A1_update_reevaluates_only_the_waiting_SEDs_it_concerns()
    {
        var (otherKey, other) = SyntheticSeds.Make("only", 2);
        other = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(other)
            .Replace("65140775M123", "12120366H019", StringComparison.Ordinal)
            .Replace("1975-07-14", "1966-03-12", StringComparison.Ordinal)
            .Replace("Jürgen", "Horst", StringComparison.Ordinal));
        using var producer = ProduceSeds((otherKey, other), SyntheticSeds.Make("only", 1));

        using var worker = IngestProcess.Start(_db.Name, "stream", "--topic", _topic, "--group", LocalServices.UniqueName("it-live"),
            "--set", $"Kafka:A1Topic={_a1Topic}", "--set", "Kafka:DeclarationsTopic=");
        await WaitFor("unmatched", worker, rows: 2);

        await ProduceA1AndWaitForItsMatch(producer, worker);
        Assert.Contains("re-evaluated 1 of 2 unmatched", worker.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The two SEDs on partition 0 (so that the worker sees them in this order), and a tombstone of an
    /// unknown key that creates the A1 topic, as it exists in production.
    /// </summary>
    private IProducer<byte[], byte[]> ProduceSeds((byte[] Key, byte[] Value) first, (byte[] Key, byte[] Value) second)
    {
        var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = LocalServices.KafkaBootstrap }).Build();
        producer.Produce(new TopicPartition(_topic, 0), new Message<byte[], byte[]> { Key = first.Key, Value = first.Value });
        producer.Produce(new TopicPartition(_topic, 0), new Message<byte[], byte[]> { Key = second.Key, Value = second.Value });
        producer.Produce(_a1Topic, new Message<byte[], byte[]> { Key = "nothing"u8.ToArray(), Value = null! });
        producer.Flush(TimeSpan.FromSeconds(10));
        return producer;
    }

    private async Task ProduceA1AndWaitForItsMatch(IProducer<byte[], byte[]> producer, IngestProcess worker)
    {
        // A record before it that no reader can take (a lone surrogate, which .NET's JSON reader refuses
        // to unescape): logged and passed over, the worker and the feed go on.
        producer.Produce(_a1Topic, new Message<byte[], byte[]> { Key = "broken"u8.ToArray(), Value = """{"documentNumber":"\udc00"}"""u8.ToArray() });
        ProduceA1(producer);
        producer.Flush(TimeSpan.FromSeconds(10));
        await WaitFor("DE-A1-LIVE-1", worker);
        // The worker logs the re-evaluation after its flush: the row can be visible a moment before the line.
        for (var i = 0; i < 100 && !worker.Output.Contains("re-evaluated", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }
        Assert.Contains("reference record broken on", worker.Output, StringComparison.Ordinal);
    }

    /// <summary>The A1 of the sample's person (PIN, name as <see cref="SyntheticSeds.Make"/> numbers it 1, birth date), on the A1 topic.</summary>
    private void ProduceA1(IProducer<byte[], byte[]> producer)
    {
        var a1 = new A1Certificate
        {
            DocumentNumber = "DE-A1-LIVE-1", SecurityCode = "QX12", Issuer = "DE:DRV0001", IssuedOn = "2024-12-01",
            FamilyName = "Müller-1", Forename = "Jürgen", DateBirth = "1975-07-14", Sex = "01", Nationalities = ["DE"],
            Pin = "65140775M123", PinCountry = "DE", EmployerName = "Bau <Süd> GmbH", EmployerId = "DE811234567", EmployerCountry = "DE",
            LegislationState = "DE", Article = "12.1", Start = "2025-01-01", End = "2025-12-31", Status = "issued", WorkCountries = ["AT"],
        };
        using var json = new MemoryStream();
        ReferenceJsonl.Write(json, a1);
        producer.Produce(_a1Topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(a1.DocumentNumber), Value = json.ToArray().AsSpan().TrimEnd((byte)'\n').ToArray() });
    }

    /// <summary>Waits until the A1 matches read as expected (status or target id) on at least <paramref name="rows"/> documents.</summary>
    private async Task WaitFor(string expected, IngestProcess worker, int rows = 1)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(worker.HasExited, worker.Output);
            try
            {
                last = await _db.Store.QueryTextAsync(
                    $"SELECT status, target_id FROM {_db.Name}.match_results FINAL WHERE target = 'a1' FORMAT TSV", CancellationToken.None);
                if (last.Split('\n').Count(line => line.Contains(expected, StringComparison.Ordinal)) >= rows)
                {
                    return;
                }
            }
            catch (Exception e) when (e.Message.Contains("Code: 81", StringComparison.Ordinal) || e.Message.Contains("Code: 60", StringComparison.Ordinal))
            {
                // schema not created yet
            }
            await Task.Delay(200);
        }
        Assert.Fail($"A1 match never showed '{expected}' (last: '{last.Trim()}'); worker output:\n{worker.Output}");
    }
}
