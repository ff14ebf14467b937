using System.IO.Pipelines;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Tests.Sed;

/// <summary>The streaming parse (pipe, resumed push reader, skips across buffers) gives the in-memory parse's record; so do parallel parses sharing the field maps.</summary>
public sealed class SedStreamingTests
{
    [Property(MaxTest = 60)]
    public Property A_pipe_in_small_chunks_gives_the_same_record() =>
        Prop.ForAll(RandomSedRecord.Enveloped(maxStep: 200).ToArbitrary(), input =>
        {
            // Each read of the pipe brings at most `Step` new bytes, so tokens (and skips) straddle buffers.
            using var stream = new MemoryStream(input.Bytes, writable: false);
            var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: input.Step, minimumReadSize: input.Step));
            var outcome = new SedParser().ParseAsync(new UnitId("t", null, 0), pipe).AsTask().GetAwaiter().GetResult();
            pipe.Complete();
            Assert.True(outcome.Kind == ParseOutcomeKind.Sed, $"{outcome.Error?.ErrorCode}: {outcome.Error?.Message}");
            Assert.Equal(SedTestParsing.Json(input.Truth), SedTestParsing.Json(outcome.Sed!));
        });

    [Fact]
    public void Parallel_parses_of_mixed_types_each_give_their_own_record()
    {
        // Threads share the field maps and overwrite each other's learned sibling order; answers must not change.
        var cases = Enumerable.Range(0, 400)
            .Select(i => RandomSedRecord.Create(i, RandomSedRecord.Types[i % RandomSedRecord.Types.Length], RandomSedRecord.Versions[i % 3], envelope: i % 2 == 0))
            .Select((truth, i) => (Json: SedTestParsing.Json(truth), Bytes: Encoding.UTF8.GetBytes(SedTestWriter.Write(truth, envelope: i % 2 == 0))))
            .ToArray();
        var parser = new SedParser();
        Parallel.For(0, cases.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var (json, bytes) = cases[k % cases.Length];
            using var unit = new InputUnit(new UnitId("p", null, 0), bytes);
            Assert.Equal(json, SedTestParsing.Json(parser.Parse(unit).Sed!));
        });
    }
}
