using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks.Parsing;

/// <summary>Derived columns for one operation = one pass over the corpus: MB/s, SEDs/s, allocated bytes per SED.</summary>
internal sealed class ThroughputColumn(string name, Func<double, double, double> compute, string format) : IColumn
{
    private static readonly Lazy<(int Documents, long Bytes)> s_corpus = new(ParsingCorpus.Measure);

    public static readonly IColumn MegabytesPerSecond = new ThroughputColumn("MB/s", (meanNs, _) => s_corpus.Value.Bytes / 1e6 / (meanNs / 1e9), "N0");
    public static readonly IColumn SedsPerSecond = new ThroughputColumn("SEDs/s", (meanNs, _) => s_corpus.Value.Documents / (meanNs / 1e9), "N0");
    public static readonly IColumn BytesAllocatedPerSed = new ThroughputColumn("Alloc B/SED", (_, allocated) => allocated / s_corpus.Value.Documents, "N0");

    public string Id => "Throughput." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => name switch
    {
        "MB/s" => "Corpus bytes parsed per second (10^6 B)",
        "SEDs/s" => "Documents parsed per second",
        _ => "Managed bytes allocated per document",
    };

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats)
        {
            return "-";
        }
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
        return compute(stats.Mean, allocated).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
