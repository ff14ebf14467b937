using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Ingest.Cli.Hosting;
using Ingest.Normalization;
using Ingest.Pipeline;
using Ingest.Sources;
using Ingest.Worker.Kafka;
using Ingest.Worker.Options;
using Microsoft.Extensions.Configuration;

namespace Ingest.Cli.Commands;

internal sealed class ProduceCommand : ICliCommand
{
    public string Name => "produce";

    public IReadOnlySet<string> Options { get; } = new HashSet<string>(StringComparer.Ordinal) { "limit", "rate", "set", "topic" };

    public string Summary => "replay a corpus into a Kafka topic, keyed by the person's partition key";

    public string Help => """
        usage: ingest produce PATH... --topic T [--rate N] [--limit N] [--set Key=Value]...
               ingest produce FILE.jsonl --topic ingest.a1|ingest.declarations [--rate N]

        Reads every unit under PATH (folders, zips, *.seds, files; a generator output folder gives
        its zip/ or files/), and produces each one unchanged to topic T. The key is the person's
        partition key: the parsed SED's normalised birth date (a datum the sending states write
        alike, where PINs are national), else its PIN and country, else names; so one person's
        SEDs land in one partition and one worker, whichever state sent them; units that do not
        parse are keyed by their name and still produced (the worker quarantines and dead-letters
        them). Delivery is idempotent; the command waits for every acknowledgement and fails if
        one is refused.

          --topic T     destination topic (required)
          --rate N      at most N records per second (default: as fast as the broker takes them)
          --limit N     stop after N records
          --set K=V     configuration, e.g. Kafka:BootstrapServers=host:9092

        A *.jsonl file is reference data (A1 certificates or posting declarations, one JSON object a
        line): each line becomes one record keyed by its documentNumber or declarationId, for the
        compacted reference topics the stream worker follows.

        Prints the number of records produced and the rate. exit codes: 0 all acknowledged,
        1 a delivery failed, no broker, or a reference line that is not a record, 64 bad arguments
        """;

    public async Task<int> RunAsync(CliArgs args, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new CliUsageException("expected at least one PATH");
        }
        var topic = args.Require("topic");
        var rate = args.GetInt("rate", 0);
        var limit = args.GetLong("limit", long.MaxValue);
        var kafka = new KafkaOptions();
        var configuration = CliConfiguration.Build(args);
        CliConfiguration.Bind(configuration, KafkaOptions.Section, kafka);
        var limits = CliConfiguration.Parser(configuration);
        try
        {
            kafka.ResolveBootstrap();
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"ingest produce: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        var layout = CorpusLayout.Resolve(args.Positionals, null, null);

        if (args.Positionals.All(p => p.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)))
        {
            return await ProduceReferenceAsync(args.Positionals, topic, rate, limit, kafka, cancellationToken).ConfigureAwait(false);
        }
        var parser = Engine.CreateParser(limits.ToParserOptions());
        long produced = 0, failed = 0;
        string? firstError = null;
        using var producer = new ProducerBuilder<byte[], byte[]>(KafkaClients.Producer(kafka)).Build();
        var clock = Stopwatch.StartNew();
        await foreach (var unit in UnitSources.For(layout.SedPaths, limits.ToSourceOptions()).ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using (unit)
            {
                if (produced >= limit)
                {
                    break;
                }
                var outcome = parser.Parse(unit);
                var key = outcome.Sed is { } sed ? PersonKeys.PartitionKey(sed) : unit.Id.ToString();
                var message = new Message<byte[], byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(key),
                    Value = unit.Payload.ToArray(),
                    Headers = new Headers { { "ingest-unit", Encoding.UTF8.GetBytes(unit.Id.ToString()) } },
                };
                Produce(producer, topic, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                        firstError ??= report.Error.Reason;
                    }
                });
                produced++;
                if (rate > 0)
                {
                    var ahead = TimeSpan.FromSeconds(produced / (double)rate) - clock.Elapsed;
                    if (ahead > TimeSpan.FromMilliseconds(5))
                    {
                        await Task.Delay(ahead, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        var unsent = FlushAll(producer, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"produced {produced:N0} records to {topic} in {seconds:F1} s ({produced / seconds:N0}/s), {failed + unsent} failed"));
        return Report(failed + unsent, firstError);
    }

    private static async Task<int> ProduceReferenceAsync(IReadOnlyList<string> files, string topic, int rate, long limit, KafkaOptions kafka, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(KafkaClients.Producer(kafka)).Build();
        long produced = 0, failed = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (produced >= limit)
                {
                    break;
                }
                if (line.Length == 0)
                {
                    continue;
                }
                var key = ReferenceKey(file, lineNumber, line);
                var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = Encoding.UTF8.GetBytes(line) };
                Produce(producer, topic, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        Interlocked.Increment(ref failed);
                        firstError ??= report.Error.Reason;
                    }
                });
                produced++;
                if (rate > 0 && TimeSpan.FromSeconds(produced / (double)rate) - clock.Elapsed is { TotalMilliseconds: > 5 } ahead)
                {
                    await Task.Delay(ahead, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        var unsent = FlushAll(producer, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"produced {produced:N0} reference records to {topic}, {failed + unsent} failed"));
        return Report(failed + unsent, unsent > 0 ? $"{unsent} record(s) still unacknowledged when the producer was flushed" : firstError);
    }

    /// <summary>The record's key: its document number (A1) or declaration id; a line that is not such a record stops the replay.</summary>
    private static string ReferenceKey(string file, int lineNumber, string line)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind == System.Text.Json.JsonValueKind.Object
                && (root.TryGetProperty("documentNumber", out var key) || root.TryGetProperty("declarationId", out key))
                && key.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return key.GetString()!;
            }
            throw new InvalidDataException($"{file}:{lineNumber}: the record has neither documentNumber nor declarationId");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{file}:{lineNumber}: not a JSON record: {e.Message}", e);
        }
    }

    /// <summary>Produces one record, waiting while librdkafka's queue is full (back-pressure, not an error).</summary>
    private static void Produce(IProducer<byte[], byte[]> producer, string topic, Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> onDelivery)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    /// <summary>Waits for every acknowledgement; on cancellation, returns how many records were left unacknowledged.</summary>
    private static int FlushAll(IProducer<byte[], byte[]> producer, CancellationToken cancellationToken)
    {
        int left;
        while ((left = producer.Flush(TimeSpan.FromSeconds(1))) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }
        return left;
    }

    private static int Report(long failed, string? first)
    {
        if (failed == 0)
        {
            return 0;
        }
        Console.Error.WriteLine($"ingest produce: {failed} deliveries failed, first: {first}");
        return 1;
    }
}
