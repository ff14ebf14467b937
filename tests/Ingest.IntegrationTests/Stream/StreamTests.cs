using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests.Stream;

/// <summary>The worker as a real process against the dev broker and ClickHouse: crashes, outages, rebalances, poison.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private readonly string _topic = LocalServices.UniqueName("it.seds");
    private readonly string _deadLetters = LocalServices.UniqueName("it.dlq");
    private readonly string _group = LocalServices.UniqueName("it-stream");
    private TempDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        Assert.Equal(0, BrokerStatus.DroppedFrom(_topic));
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Malformed_records_are_quarantined_and_dead_lettered_while_the_rest_flows()
    {
        var poison = new[]
        {
            "<sed:A009 xmlns:sed=\"http://ec.europa.eu/eessi/ns/4_4/A009\"><Person>"u8.ToArray(),
            [0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E],
            "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"u8.ToArray(),
            "<invoice><total>12</total></invoice>"u8.ToArray(),
        };
        using (var producer = Producer())
        {
            for (var i = 0; i < 200; i++)
            {
                var (key, value) = SyntheticSeds.Make("poison", i);
                producer.Produce(_topic, new Message<byte[], byte[]> { Key = key, Value = value });
                if (i % 50 == 0)
                {
                    producer.Produce(_topic, new Message<byte[], byte[]> { Key = key, Value = poison[i / 50] });
                }
            }
            producer.Flush(TimeSpan.FromSeconds(30));
        }

        var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromSeconds(120), Stream(["--exit-when-idle", "3"]));

        Assert.True(exit == 0, output);
        // The executable runs in GC conserve-memory mode for the nightly job; the worker restarts itself without it.
        Assert.Contains("conserve-memory 0", output, StringComparison.Ordinal);
        Assert.Equal(200, await DistinctSeds());
        Assert.Equal(4, await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.quarantine FINAL", CancellationToken.None));
        var letters = Consume(_deadLetters, 4);
        Assert.Equal(4, letters.Count);
        Assert.All(letters, m => Assert.NotNull(m.Headers.GetLastBytes("ingest-error-code")));
        Assert.Contains(letters, m => Encoding.UTF8.GetString(m.Headers.GetLastBytes("ingest-error-code")).Contains("Doctype", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_worker_killed_mid_stream_then_restarted_loses_and_doubles_nothing()
    {
        await ProduceAsync("kill", 0, 3000);
        using (var worker = IngestProcess.Start(_db.Name, Stream(["--set", "Stream:BatchMaxRecords=100"])))
        {
            await WaitUntil(async () => await Rows() >= 300, TimeSpan.FromSeconds(90), worker);
            worker.Kill(); // SIGKILL: no drain, no commit
        }
        var rowsAtKill = await Rows();
        Assert.True(rowsAtKill < 3000, "the worker finished before it could be killed; the test proves nothing");

        var (exit, output) = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromSeconds(120), Stream(["--exit-when-idle", "3"]));

        Assert.True(exit == 0, output);
        Assert.Equal(3000, await DistinctSeds());
        Assert.Equal(3000, await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_documents FINAL", CancellationToken.None));
        Assert.Equal(3000, await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_latest", CancellationToken.None));
    }

    /// <summary>
    /// A second run with nothing new to read: the partitions it is assigned yield no record, so it has
    /// no position of its own in them, and drained is what the group committed.
    /// </summary>
    [Fact]
    public async Task A_run_with_nothing_new_to_read_stops_when_idle()
    {
        await ProduceAsync("again", 0, 200);
        var first = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromSeconds(120), Stream(["--exit-when-idle", "3"]));
        Assert.True(first.ExitCode == 0, first.Output);

        var second = await IngestProcess.RunAsync(_db.Name, TimeSpan.FromSeconds(60), Stream(["--exit-when-idle", "3"]));

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(200, await DistinctSeds());
    }

    [Fact]
    public async Task Two_workers_share_the_partitions_and_the_one_left_takes_over()
    {
        await ProduceAsync("pair", 0, 10); // creates the topic, so there are partitions to share
        using var a = IngestProcess.Start(_db.Name, Stream([]));
        using var b = IngestProcess.Start(_db.Name, Stream([]));
        // Both members must hold partitions before the backlog arrives, or the first one takes it all.
        await WaitUntil(() => Task.FromResult(HasPartitions(a) && HasPartitions(b)), TimeSpan.FromSeconds(60), a);
        await ProduceAsync("pair", 10, 1990);
        await WaitUntil(async () => await DistinctSeds() >= 2000, TimeSpan.FromSeconds(90), a);
        Assert.Equal(2, await _db.Store.ScalarAsync($"SELECT uniqExact(run_id) FROM {_db.Name}.sed_documents", CancellationToken.None));

        a.Terminate();
        await a.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, a.ExitCode);
        await ProduceAsync("pair", 2000, 2000);
        await WaitUntil(async () => await DistinctSeds() >= 4000, TimeSpan.FromSeconds(90), b);
        b.Terminate();
        await b.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(4000, await DistinctSeds());
        Assert.Equal(4000, await _db.Store.ScalarAsync($"SELECT count() FROM {_db.Name}.sed_documents FINAL", CancellationToken.None));
    }

    /// <summary>
    /// The outage outlasts max.poll.interval.ms (10 s here): a pipeline window of a few small chunks fills,
    /// the consume loop waits on it, the client leaves the group and rejoins when the loop polls again.
    /// </summary>
    [Fact]
    public async Task A_ClickHouse_outage_of_30_seconds_delays_the_stream_but_loses_nothing()
    {
        using var worker = IngestProcess.Start(_db.Name, Stream(["--set", "Stream:BatchMaxRecords=200", "--set", "Stream:ChannelCapacity=2",
            "--set", "Stream:ChunkRecords=16", "--set", "Kafka:Client:max.poll.interval.ms=10000"]));
        await ProduceAsync("outage", 0, 1000);
        await WaitUntil(async () => await Rows() > 0, TimeSpan.FromSeconds(90), worker);

        await ClickHouseScript("stop");
        try
        {
            await ProduceAsync("outage", 1000, 1000);
            await Task.Delay(TimeSpan.FromSeconds(30));
            Assert.False(worker.HasExited, "the worker died during the outage:\n" + worker.Output);
        }
        finally
        {
            await ClickHouseScript("start");
        }
        await WaitUntil(async () => await DistinctSeds() >= 2000, TimeSpan.FromSeconds(120), worker);
        worker.Terminate();
        await worker.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2000, await DistinctSeds());
        Assert.Contains("ClickHouse unavailable", worker.Output, StringComparison.Ordinal);
        Assert.Contains("max.poll.interval.ms", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_for_Prometheus_and_the_health_endpoint_are_served_while_the_worker_runs()
    {
        var port = FreePort();
        await ProduceAsync("metrics", 0, 300);
        using var worker = IngestProcess.Start(_db.Name, Stream(["--set", $"Stream:MetricsPort={port}"]));
        await WaitUntil(async () => await DistinctSeds() >= 300, TimeSpan.FromSeconds(90), worker);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var health = await http.GetAsync("health");
        // The rows are visible in ClickHouse as soon as the insert returns; the worker records the
        // batch's latency when its loop takes the acknowledgement, a moment later: scrape until it has.
        var metrics = "";
        await WaitUntil(async () => (metrics = await http.GetStringAsync("metrics")).Contains("ingest_batch_latency", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), worker);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(300, MetricValue(metrics, "ingest_records_in_total"));
        Assert.Equal(300, MetricValue(metrics, "ingest_records_out_total"));
        Assert.Contains("ingest_batch_latency", metrics, StringComparison.Ordinal);
        Assert.Matches($"ingest_consumer_lag\\{{[^}}]*partition=\"{System.Text.RegularExpressions.Regex.Escape(_topic)} \\[\\[\\d+\\]\\]\"[^}}]*\\}} 0", metrics);
        worker.Terminate();
        await worker.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, worker.ExitCode);
    }

    /// <summary>Sum of a metric's samples in a Prometheus text exposition (labels may hold spaces).</summary>
    private static double MetricValue(string exposition, string name)
    {
        var total = 0.0;
        var found = false;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not (' ' or '{'))
            {
                continue;
            }
            var rest = line[name.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
            total += double.Parse(rest.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            found = true;
        }
        Assert.True(found, $"{name} is not in the exposition:\n{exposition}");
        return total;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool HasPartitions(IngestProcess worker) =>
        worker.Output.Contains($"partitions assigned: {_topic}", StringComparison.Ordinal);

    private string[] Stream(string[] extra) =>
    [
        "stream", "--topic", _topic, "--group", _group,
        "--set", $"Kafka:DeadLetterTopic={_deadLetters}", "--set", "Kafka:FetchWaitMaxMs=5",
        "--set", "Stream:OutageRetryDelay=00:00:01", .. extra,
    ];

    private Task<long> DistinctSeds() =>
        CountOrZero($"SELECT count() FROM (SELECT 1 FROM {_db.Name}.sed_documents GROUP BY case_id, document_id, version)");

    private Task<long> Rows() => CountOrZero($"SELECT count() FROM {_db.Name}.sed_documents");

    private async Task<long> CountOrZero(string sql)
    {
        try
        {
            return await _db.Store.ScalarAsync(sql, CancellationToken.None);
        }
        catch (Exception e) when (e.Message.Contains("doesn't exist", StringComparison.Ordinal) || e.Message.Contains("Code: 81", StringComparison.Ordinal))
        {
            return 0; // the worker has not created its schema yet
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, IngestProcess watched)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watched.HasExited)
            {
                Assert.Fail($"ingest exited early ({watched.ExitCode}):\n{watched.Output}");
            }
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"condition not met within {timeout}; worker output:\n{watched.Output}");
            }
            await Task.Delay(200);
        }
    }

    private async Task ProduceAsync(string prefix, int from, int count)
    {
        using var producer = Producer();
        for (var i = from; i < from + count; i++)
        {
            var (key, value) = SyntheticSeds.Make(prefix, i);
            producer.Produce(_topic, new Message<byte[], byte[]> { Key = key, Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }

    private static IProducer<byte[], byte[]> Producer() =>
        new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = LocalServices.KafkaBootstrap,
            EnableIdempotence = true,
            LingerMs = 5,
        }).Build();

    private static List<Message<byte[], byte[]>> Consume(string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = LocalServices.KafkaBootstrap,
            GroupId = LocalServices.UniqueName("it-dlq-reader"),
            GroupProtocol = GroupProtocol.Consumer,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = 5,
        }).Build();
        consumer.Subscribe(topic);
        var got = new List<Message<byte[], byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && got.Count < expected)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } r)
            {
                got.Add(r.Message);
            }
        }
        // A short extra wait: more dead letters than expected must fail the test too.
        var extraDeadline = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < extraDeadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } r)
            {
                got.Add(r.Message);
            }
        }
        consumer.Close();
        return got;
    }

    private static async Task ClickHouseScript(string verb)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", [Path.Combine(LocalServices.RepositoryRoot, "scripts", "clickhouse.sh"), verb])
        {
            RedirectStandardError = true,
        })!;
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"clickhouse.sh {verb} failed: {await p.StandardError.ReadToEndAsync()}");
    }
}
