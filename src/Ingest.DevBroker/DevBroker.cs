using Microsoft.Extensions.Logging;

namespace Ingest.DevBroker;

/// <summary>
/// Development and test Kafka broker: a mock cluster with the configured topics, its address in a
/// file, and a drop watcher, until cancelled. Data lives in memory only.
/// </summary>
public sealed class DevBroker(DevBrokerOptions options, ILogger logger)
{
    /// <summary>Called once the broker is up, with its bootstrap address.</summary>
    public event Action<string>? Started;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = new MockCluster(options.Brokers);
        cluster.SetConsumerGroupTimeouts(options.ConsumerSessionTimeoutMs, options.ConsumerHeartbeatIntervalMs);
        foreach (var (topic, partitions) in options.Topics)
        {
            cluster.CreateTopic(topic, partitions, Math.Min(options.Brokers, 3));
        }
        AtomicFile.Write(options.BootstrapFile, cluster.Bootstrap + "\n");
        Log.BrokerUp(logger, cluster.Bootstrap, options.Brokers, string.Join(", ", options.Topics.Select(t => $"{t.Key}:{t.Value}")), options.BootstrapFile);
        Started?.Invoke(cluster.Bootstrap);
        try
        {
            using var watcher = new DropWatcher(cluster.Bootstrap, options, logger);
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Run(watcher.Poll, CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            Log.BrokerStopping(logger, watcher.DroppedUnconsumed);
        }
        finally
        {
            TryDelete(options.BootstrapFile);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
