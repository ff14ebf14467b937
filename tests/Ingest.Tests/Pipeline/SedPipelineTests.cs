using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Evaluation;
using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Pipeline;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Pipeline;

/// <summary>
/// The pipeline's promises: one outcome per unit, handed to the sink in source order, whatever the
/// chunking and the number of parse workers (cross-SED rules depend on that order).
/// </summary>
public sealed class SedPipelineTests
{
    private static readonly byte[][] s_documents = LoadDocuments();

    [Fact]
    public async Task Every_unit_reaches_the_sink_once_in_source_order()
    {
        var (outcomes, counters) = await RunAsync(units: 300, new PipelineOptions { ParseWorkers = 2, ChunkUnits = 7, ChannelCapacity = 2 });

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"mem!{i:D4}.xml"), outcomes.Select(o => o.Split('|')[0]));
        Assert.Equal(300, counters.Written);
        Assert.Equal(counters.UnitsRead, counters.Seds + counters.Quarantined);
        Assert.True(counters.Quarantined > 0 && counters.Seds > 0, "the corpus mixes SEDs and malformed units");
    }

    [Property(MaxTest = 25)]
    public Property Chunking_and_parallelism_change_no_outcome()
    {
        var shapes = Gen.Choose(1, 40).Zip(Gen.Choose(1, 3)).Zip(Gen.Choose(1, 6)).ToArbitrary();
        var expected = RunAsync(units: 120, new PipelineOptions { ParseWorkers = 1, ChunkUnits = 1, ChannelCapacity = 1 }).GetAwaiter().GetResult().Outcomes;
        return Prop.ForAll(shapes, shape =>
        {
            var ((chunk, workers), capacity) = shape;
            var actual = RunAsync(units: 120, new PipelineOptions { ParseWorkers = workers, ChunkUnits = chunk, ChannelCapacity = capacity }).GetAwaiter().GetResult().Outcomes;
            Assert.Equal(expected, actual);
        });
    }

    [Fact]
    public async Task A_result_the_sink_cannot_write_is_quarantined_and_the_run_goes_on()
    {
        var sink = new RecordingSink(refuses: e => e.Unit.Entry!.StartsWith("001", StringComparison.Ordinal));
        var pipeline = new SedPipeline(Engine.CreateParser(), new SedEvaluator(ReferenceSnapshot.Empty), sink, new PipelineOptions { ParseWorkers = 2, ChunkUnits = 5 });

        await pipeline.RunAsync(new MemorySource(60), CancellationToken.None);

        var counters = pipeline.Counters;
        var refused = sink.Outcomes.Where(o => o.EndsWith("|Malformed|ResultUnwritable", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, o => Assert.StartsWith("mem!001", o, StringComparison.Ordinal));
        Assert.Equal(60, sink.Outcomes.Count);
        Assert.Equal(60, counters.Written);
        Assert.Equal(counters.UnitsRead, counters.Seds + counters.Quarantined);
        Assert.Equal(sink.Seds, counters.Seds);
    }

    [Fact]
    public async Task A_failing_source_fails_the_run_loudly()
    {
        var pipeline = new SedPipeline(Engine.CreateParser(), new SedEvaluator(ReferenceSnapshot.Empty), new RecordingSink(), new PipelineOptions { ChunkUnits = 4 });

        var error = await Assert.ThrowsAsync<IOException>(() => pipeline.RunAsync(new MemorySource(50, failAfter: 30), CancellationToken.None));

        Assert.Contains("disk gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_sink_stops_the_reading_within_the_channel_bounds()
    {
        // Memory stays bounded by the options whatever the input's size: with the sink stalled, the
        // source is read only as far as the channels, the parse workers and the stages can hold.
        var options = new PipelineOptions { ParseWorkers = 2, ChunkUnits = 4, ChannelCapacity = 2 };
        // Chunks: three channels, one per worker, the reader's, the evaluator's and the sink stage's, and
        // up to one per worker that finished out of order and waits for its turn in the evaluator.
        var bound = (3 * options.ChannelCapacity + 2 * options.ParseWorkers + 3) * options.ChunkUnits;
        var sink = new GatedSink();
        var source = new MemorySource(2_000);
        var pipeline = new SedPipeline(Engine.CreateParser(), new SedEvaluator(ReferenceSnapshot.Empty), sink, options);

        var run = pipeline.RunAsync(source, CancellationToken.None);
        long read;
        do
        {
            read = source.Produced;
            await Task.Delay(300);
        }
        while (source.Produced != read);
        Assert.InRange(read, 1, bound);

        sink.Open();
        await run;
        Assert.Equal(2_000, pipeline.Counters.Written);
        Assert.Equal(2_000, sink.Count);
    }

    [Fact]
    public async Task A_slow_chunk_does_not_let_the_other_workers_run_ahead_without_bound()
    {
        // One document parses slowly (a huge one, say): the second worker must not parse the rest of
        // the input into the evaluator's reorder buffer meanwhile.
        var options = new PipelineOptions { ParseWorkers = 2, ChunkUnits = 4, ChannelCapacity = 2 };
        var window = 2 * options.ChannelCapacity + options.ParseWorkers;
        var parser = new StallingParser(Engine.CreateParser(), stalledUnit: "0000.xml");
        var sink = new RecordingSink();
        var source = new MemorySource(2_000);
        var pipeline = new SedPipeline(parser, new SedEvaluator(ReferenceSnapshot.Empty), sink, options);

        var run = pipeline.RunAsync(source, CancellationToken.None);
        long read;
        do
        {
            read = source.Produced;
            await Task.Delay(300);
        }
        while (source.Produced != read);
        Assert.InRange(read, 1, (window + 1) * options.ChunkUnits);

        parser.Release();
        await run;
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"mem!{i:D4}.xml"), sink.Outcomes.Select(o => o.Split('|')[0]));
    }

    /// <summary>
    /// Records parsed into again once the sink is done with them: every SED written carries exactly what a
    /// new record would (the whole record as JSON, taken when it is written), with several workers in flight.
    /// </summary>
    [Fact]
    public async Task Recycled_records_change_no_outcome()
    {
        async Task<List<string>> Run(bool recycle)
        {
            var sink = new RecordingSink(wholeRecords: true);
            var options = new PipelineOptions { ParseWorkers = 2, ChunkUnits = 3, ChannelCapacity = 2, RecycleRecords = recycle };
            await new SedPipeline(Engine.CreateParser(), new SedEvaluator(ReferenceSnapshot.Empty), sink, options).RunAsync(new MemorySource(400), CancellationToken.None);
            Assert.Equal(recycle, sink.Records.Count < sink.Seds);
            return sink.Outcomes;
        }
        var fresh = await Run(recycle: false);
        var recycled = await Run(recycle: true);
        Assert.Equal(fresh, recycled);
    }

    private static async Task<(List<string> Outcomes, RunCounters Counters)> RunAsync(int units, PipelineOptions options)
    {
        var sink = new RecordingSink();
        var pipeline = new SedPipeline(Engine.CreateParser(), new SedEvaluator(ReferenceSnapshot.Empty), sink, options);
        await pipeline.RunAsync(new MemorySource(units), CancellationToken.None);
        return (sink.Outcomes, pipeline.Counters);
    }

    private static byte[][] LoadDocuments()
    {
        var valid = SamplePaths.ValidXml().Select(File.ReadAllBytes);
        var malformed = Directory.GetFiles(Path.Combine(SamplePaths.Samples, "malformed"), "*.xml")
            .Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length < 100_000)
            .Take(5)
            .Select(File.ReadAllBytes);
        return [.. valid, .. malformed];
    }

    /// <summary>Cycles through the sample documents, so versions repeat and history-dependent rules fire.</summary>
    private sealed class MemorySource(int count, int failAfter = -1) : IUnitSource
    {
        private long _produced;

        public long Produced => Interlocked.Read(ref _produced);

        public async IAsyncEnumerable<InputUnit> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                Interlocked.Increment(ref _produced);
                if (i == failAfter)
                {
                    throw new IOException("disk gone");
                }
                await Task.Yield();
                yield return new InputUnit(new UnitId("mem", $"{i:D4}.xml", 0), s_documents[i % s_documents.Length]);
            }
        }
    }

    /// <summary>Takes nothing until opened, then counts what it is given.</summary>
    private sealed class GatedSink : IResultSink
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Open() => _gate.TrySetResult();

        public async ValueTask WriteAsync(SedEvaluation evaluation, CancellationToken cancellationToken) => await Take(cancellationToken);

        public async ValueTask QuarantineAsync(QuarantineRecord record, ParseOutcomeKind kind, CancellationToken cancellationToken) => await Take(cancellationToken);

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private async Task Take(CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>Parses like the inner parser, but holds one unit until released.</summary>
    private sealed class StallingParser(ISedParser inner, string stalledUnit) : ISedParser
    {
        private readonly ManualResetEventSlim _released = new();

        public void Release() => _released.Set();

        public ParseOutcome Parse(InputUnit unit)
        {
            if (unit.Id.Entry == stalledUnit)
            {
                _released.Wait(TimeSpan.FromSeconds(30));
            }
            return inner.Parse(unit);
        }
    }
}
