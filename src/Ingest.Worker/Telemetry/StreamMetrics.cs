using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Ingest.Worker.Telemetry;

/// <summary>The worker's instruments (meter "Ingest.Stream"), exported for Prometheus.</summary>
public sealed class StreamMetrics : IDisposable
{
    public const string MeterName = "Ingest.Stream";

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<string, long> _lag = new(StringComparer.Ordinal);

    public StreamMetrics()
    {
        RecordsIn = _meter.CreateCounter<long>("ingest_records_in", description: "Kafka records consumed");
        RecordsOut = _meter.CreateCounter<long>("ingest_records_out", description: "SEDs written to ClickHouse");
        Quarantined = _meter.CreateCounter<long>("ingest_records_quarantined", description: "records quarantined and dead-lettered");
        BatchLatency = _meter.CreateHistogram<double>("ingest_batch_latency", unit: "ms", description: "time from a batch's first record to its ClickHouse acknowledgement");
        _meter.CreateObservableGauge("ingest_consumer_lag", ObserveLag, description: "records behind the high watermark, per partition");
    }

    public Counter<long> RecordsIn { get; }
    public Counter<long> RecordsOut { get; }
    public Counter<long> Quarantined { get; }
    public Histogram<double> BatchLatency { get; }

    public void SetLag(string partition, long lag) => _lag[partition] = lag;

    public void ForgetPartition(string partition) => _lag.TryRemove(partition, out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var (partition, lag) in _lag)
        {
            yield return new Measurement<long>(lag, new KeyValuePair<string, object?>("partition", partition));
        }
    }

    public void Dispose() => _meter.Dispose();
}
