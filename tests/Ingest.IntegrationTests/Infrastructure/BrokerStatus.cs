using System.Text.Json;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Reads the dev broker's drop report: a stream test fails if its topic lost records.</summary>
internal static class BrokerStatus
{
    public static long DroppedFrom(string topic)
    {
        var file = Path.Combine(Path.GetDirectoryName(Environment.GetEnvironmentVariable("INGEST_KAFKA_BOOTSTRAP_FILE")
            ?? Path.Combine(LocalServices.RepositoryRoot, ".local", "kafka", "bootstrap.txt"))!, "broker-status.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        long total = 0;
        foreach (var p in doc.RootElement.GetProperty("partitions").EnumerateObject())
        {
            if (p.Name.StartsWith(topic + "[", StringComparison.Ordinal))
            {
                total += p.Value.GetInt64();
            }
        }
        return total;
    }
}
