namespace Ingest.Worker.Telemetry;

/// <summary>
/// End-to-end latency per record: from the record's Kafka timestamp (when it was produced) to the
/// moment ClickHouse acknowledged the batch holding it. Keeps up to a bounded number of samples for
/// the percentiles printed when the worker stops.
/// </summary>
public sealed class LatencyRecorder(int capacity = 2_000_000)
{
    private readonly List<float> _samples = [];

    public long Count { get; private set; }

    public void Add(double milliseconds)
    {
        Count++;
        if (_samples.Count < capacity)
        {
            _samples.Add((float)Math.Max(0, milliseconds));
        }
    }

    public double Percentile(double p)
    {
        if (_samples.Count == 0)
        {
            return 0;
        }
        var sorted = _samples.ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index];
    }
}
