using Ingest.Sinks.ClickHouse;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// The services `./run-local.sh test` starts. Integration tests fail (not skip) when they are
/// missing: a green run must mean the real ClickHouse and broker were exercised.
/// </summary>
internal static class LocalServices
{
    public static string ClickHouseConnectionString =>
        Environment.GetEnvironmentVariable("ClickHouse__ConnectionString")
        ?? $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("INGEST_CH_HTTP_PORT") ?? "18123"};JsonReadMode=None;JsonWriteMode=None";

    public static ClickHouseOptions ClickHouse(string database) => new()
    {
        ConnectionString = ClickHouseConnectionString,
        Database = database,
        MaxRetries = 2,
    };

    /// <summary>The dev broker's bootstrap file (it also tells the worker it talks to the dev broker).</summary>
    public static string KafkaBootstrapFile =>
        Environment.GetEnvironmentVariable("INGEST_KAFKA_BOOTSTRAP_FILE") ?? Path.Combine(RepositoryRoot, ".local", "kafka", "bootstrap.txt");

    public static string KafkaBootstrap
    {
        get
        {
            var file = KafkaBootstrapFile;
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"no dev broker address at {file}: run the tests with ./run-local.sh test (it starts the broker)");
            }
            return File.ReadAllText(file).Trim();
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid().ToString("N")[..10]}";
}
