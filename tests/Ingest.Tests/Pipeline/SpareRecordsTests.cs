using Ingest.Core.Evaluation;
using Ingest.Core.Units;
using Ingest.Matching.Indexes;
using Ingest.Pipeline;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Pipeline;

/// <summary>Spare records go back to parsing last in, first out (the warmest first); a unit that is no SED leaves its spare in the pool.</summary>
public class SpareRecordsTests
{
    private static readonly byte[] s_sed = File.ReadAllBytes(SamplePaths.ValidXml().First(p => p.Contains("samples", StringComparison.Ordinal)));

    [Fact]
    public void The_record_handed_back_last_is_parsed_into_first()
    {
        var (spares, parser) = Create();
        var first = Parse(spares, parser, s_sed).Sed!;
        var second = Parse(spares, parser, s_sed).Sed!;
        Assert.NotSame(first, second);
        spares.Return(first);
        spares.Return(second);
        Assert.Same(second, Parse(spares, parser, s_sed).Sed);
        Assert.Same(first, Parse(spares, parser, s_sed).Sed);
        // The pool is empty now: a new record.
        var third = Parse(spares, parser, s_sed).Sed!;
        Assert.NotSame(first, third);
        Assert.NotSame(second, third);
    }

    [Fact]
    public void A_unit_that_is_no_SED_leaves_its_spare_in_the_pool()
    {
        var (spares, parser) = Create();
        var record = Parse(spares, parser, s_sed).Sed!;
        spares.Return(record);
        var malformed = Parse(spares, parser, "<a><b></a>"u8.ToArray());
        Assert.Null(malformed.Sed);
        Assert.Same(record, Parse(spares, parser, s_sed).Sed);
    }

    private static (SpareRecords Spares, ISedParser Parser) Create()
    {
        var evaluator = Engine.CreateEvaluator(new ReferenceSnapshotHolder(ReferenceSnapshot.Empty));
        var spares = SpareRecords.For(recycle: true, new DryRunSink(), evaluator);
        Assert.NotNull(spares);
        return (spares, Engine.CreateParser());
    }

    private static ParseOutcome Parse(SpareRecords spares, ISedParser parser, byte[] bytes)
    {
        using var unit = new InputUnit(new UnitId("t.xml", null, 0), bytes);
        return spares.Parse(parser, unit);
    }
}
