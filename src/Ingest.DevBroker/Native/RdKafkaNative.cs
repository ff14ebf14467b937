using System.Runtime.InteropServices;

namespace Ingest.DevBroker.Native;

/// <summary>
/// The few librdkafka calls Confluent.Kafka does not expose: the mock cluster's handle, its
/// bootstrap address and topic creation (admin CreateTopics is not served by the mock).
/// </summary>
internal static unsafe partial class RdKafkaNative
{
    private const string Library = "librdkafka";

    public const int ProducerType = 0;

    static RdKafkaNative() => NativeLibrary.SetDllImportResolver(typeof(RdKafkaNative).Assembly, Resolve);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_new(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    public static partial void rd_kafka_conf_destroy(nint conf);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_handle_mock_cluster(nint rk);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_bootstraps(nint mcluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(nint mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_err2str(int err);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_set_group_consumer_session_timeout_ms(nint mcluster, int timeoutMs);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_set_group_consumer_heartbeat_interval_ms(nint mcluster, int intervalMs);

    /// <summary>
    /// Load the same librdkafka build Confluent.Kafka picks (it tries the glibc build, then the
    /// centos8 one, which is what loads on Debian without libsasl2.so.3), so both share one copy.
    /// </summary>
    private static nint Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return 0;
        }
        string[] candidates = OperatingSystem.IsLinux()
            ? ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"]
            : OperatingSystem.IsMacOS() ? ["librdkafka.dylib"] : ["librdkafka.dll"];
        var rid = OperatingSystem.IsLinux()
            ? (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64")
            : OperatingSystem.IsMacOS() ? (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "osx-arm64" : "osx-x64") : "win-x64";
        foreach (var file in candidates)
        {
            var full = Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", file);
            if (File.Exists(full) && NativeLibrary.TryLoad(full, out var handle))
            {
                return handle;
            }
        }
        return 0;
    }
}
