using Microsoft.Extensions.Logging;

namespace Ingest.Worker;

/// <summary>The worker's log catalogue (event ids 7000–7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "stream {RunId} consuming {Topics} as group {Group} ({Protocol} protocol) from {Bootstrap}")]
    public static partial void Started(ILogger logger, string runId, string topics, string group, string protocol, string bootstrap);

    [LoggerMessage(7001, LogLevel.Information, "partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(7002, LogLevel.Information, "partitions revoked: {Partitions}; flushed and stored offsets")]
    public static partial void Revoked(ILogger logger, string partitions);

    [LoggerMessage(7003, LogLevel.Warning, "partitions lost: {Partitions}; their pending offsets are dropped (records will be redelivered)")]
    public static partial void Lost(ILogger logger, string partitions);

    [LoggerMessage(7004, LogLevel.Warning, "ClickHouse unavailable, holding {Records} record(s) and their offsets, retrying in {Delay}: {Error}")]
    public static partial void SinkOutage(ILogger logger, int records, TimeSpan delay, string error);

    [LoggerMessage(7005, LogLevel.Warning, "record {Source} quarantined and dead-lettered: {Code}: {Message}")]
    public static partial void Poison(ILogger logger, string source, string code, string message);

    [LoggerMessage(7006, LogLevel.Information, "stream {RunId} stopping: {Records} record(s) in, {Seds} SED(s) written, {Quarantined} quarantined")]
    public static partial void Stopping(ILogger logger, string runId, long records, long seds, long quarantined);

    [LoggerMessage(7007, LogLevel.Information, "idle for {Idle}: stopping as asked (--exit-when-idle)")]
    public static partial void Idle(ILogger logger, TimeSpan idle);

    [LoggerMessage(7008, LogLevel.Error, "Kafka error: {Reason}")]
    public static partial void KafkaError(ILogger logger, string reason);

    [LoggerMessage(7009, LogLevel.Information, "reference data updated: {Changed} record(s) changed, now {A1} A1s and {Declarations} declarations")]
    public static partial void ReferenceSwapped(ILogger logger, int changed, int a1, int declarations);

    [LoggerMessage(7010, LogLevel.Warning, "reference record {Key} on {Topic} ignored: {Error}")]
    public static partial void BadReferenceRecord(ILogger logger, string topic, string key, string error);

    [LoggerMessage(7011, LogLevel.Information, "re-evaluated {Count} of {Waiting} unmatched SED(s) after a reference update (the others share no match key with the changed records); {Matched} now match")]
    public static partial void Reevaluated(ILogger logger, int count, int waiting, int matched);

    [LoggerMessage(7012, LogLevel.Information, "throughput: {Records} record(s) in {Seconds:F1} s = {Rate:F0}/s (first record consumed → last batch in ClickHouse); process CPU {Cpu:F1} s = {CpuPer100k:F1} s per 100 000 records, of which JIT {Jit:F2} s")]
    public static partial void Throughput(ILogger logger, long records, double seconds, double rate, double cpu, double cpuPer100k, double jit);

    [LoggerMessage(7013, LogLevel.Information, "latency (produced → in ClickHouse) of {Records} record(s) produced while the worker ran: p50 {P50:F0} ms, p99 {P99:F0} ms, max {Max:F0} ms; {Backlog} record(s) produced before it joined are backlog, not latency")]
    public static partial void Latency(ILogger logger, long records, double p50, double p99, double max, long backlog);

    [LoggerMessage(7014, LogLevel.Information, "gc: {AllocatedMb:F0} MB allocated, collections gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}, paused {PauseMs:F0} ms, heap {HeapMb:F0} MB, conserve-memory {ConserveMemory}")]
    public static partial void GcSummary(ILogger logger, double allocatedMb, int gen0, int gen1, int gen2, double pauseMs, double heapMb, object conserveMemory);

    [LoggerMessage(7015, LogLevel.Information, "compiled {Methods} method(s) of the engine in {Seconds:F2} s before consuming")]
    public static partial void CodePrepared(ILogger logger, int methods, double seconds);

    [LoggerMessage(7016, LogLevel.Warning, "the run's progress row could not be written (tried again in 30 s): {Error}")]
    public static partial void RunRowSkipped(ILogger logger, string error);

    [LoggerMessage(7017, LogLevel.Error, "re-evaluating {Source} after a reference update failed; it keeps its last result and leaves the re-evaluation window: {Error}")]
    public static partial void ReevaluationFailed(ILogger logger, string source, string error);

    [LoggerMessage(7018, LogLevel.Error, "dead letter for {Source} not delivered to {Topic}: {Error} (the record is quarantined in ClickHouse)")]
    public static partial void DeadLetterFailed(ILogger logger, string source, string topic, string error);

    [LoggerMessage(7019, LogLevel.Warning, "Kafka consume error, retrying: {Error}")]
    public static partial void ConsumeRetry(ILogger logger, string error);

    [LoggerMessage(7020, LogLevel.Warning, "consumer held past max.poll.interval.ms (back-pressure): it rejoins the group and reads again from the committed offsets: {Error}")]
    public static partial void PollIntervalExceeded(ILogger logger, string error);
}
