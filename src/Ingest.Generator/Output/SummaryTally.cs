using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>
/// Per-SED counts for the <see cref="CorpusSummary"/>, kept in hash maps while the corpus streams (one
/// lookup per key instead of two sorted-tree searches) and copied into the summary's sorted maps once.
/// </summary>
internal sealed class SummaryTally
{
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byCdm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _positives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nearMisses = new(StringComparer.Ordinal);
    private long _seds, _xmlBytes, _malformed, _duplicates;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(TruthRecord t, int xmlLength)
    {
        _seds++;
        _xmlBytes += xmlLength;
        _malformed += t.Malformed ? 1 : 0;
        _duplicates += t.DuplicateDelivery ? 1 : 0;
        CollectionsMarshal.GetValueRefOrAddDefault(_byType, t.SedType, out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(_byCdm, t.CdmVersion, out _)++;
        foreach (var r in t.Rules)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_positives, r, out _)++;
        }
        foreach (var r in t.NearMisses)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_nearMisses, r, out _)++;
        }
    }

    public void CopyTo(CorpusSummary summary)
    {
        summary.Seds += _seds;
        summary.XmlBytes += _xmlBytes;
        summary.Malformed += _malformed;
        summary.Duplicates += _duplicates;
        Merge(_byType, summary.ByType);
        Merge(_byCdm, summary.ByCdm);
        Merge(_positives, summary.RulePositives);
        Merge(_nearMisses, summary.RuleNearMisses);
    }

    private static void Merge(Dictionary<string, long> from, SortedDictionary<string, long> into)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.GetValueOrDefault(k) + v;
        }
    }
}
