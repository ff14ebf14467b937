using System.IO.Pipelines;
using System.Text;
using Ingest.Core.Units;
using Ingest.Sed;
using Ingest.Xml;

namespace Ingest.Tests.Sed;

/// <summary>Hostile sizes are refused by the limits without reading or holding the whole input.</summary>
public sealed class HugeInputTests
{
    [Fact]
    public void Nesting_100_000_deep_is_refused_at_the_depth_limit()
    {
        var doc = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)));
        var outcome = SedTestParsing.Parse(doc);
        Assert.Equal("DepthExceeded", outcome.Error!.ErrorCode);
        Assert.Equal(XmlReaderOptions.Default.MaxDepth * 3, outcome.Error.ByteOffset);
    }

    [Fact]
    public async Task A_100_MB_text_node_streamed_through_a_pipe_is_refused_after_reading_little_more_than_the_limit()
    {
        const long Total = 100L * 1024 * 1024;
        var prefix = "<?xml version=\"1.0\"?><a>"u8.ToArray();
        await using var stream = new GeneratedStream(prefix, (byte)'x', Total);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var outcome = await new SedParser().ParseAsync(new UnitId("huge.xml", null, 0), pipe);
        await pipe.CompleteAsync();
        Assert.Equal(ParseOutcomeKind.Malformed, outcome.Kind);
        Assert.Equal("TextTooLong", outcome.Error!.ErrorCode);
        Assert.Equal(prefix.Length + XmlReaderOptions.Default.MaxTextLength, outcome.Error.ByteOffset);
        Assert.True(stream.BytesRead < 4L * XmlReaderOptions.Default.MaxTextLength, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void A_100_MB_document_in_memory_is_refused_by_the_text_limit_at_the_same_offset()
    {
        var doc = new byte[100 * 1024 * 1024];
        doc.AsSpan().Fill((byte)'x');
        "<a>"u8.CopyTo(doc);
        var outcome = SedTestParsing.Parse(doc);
        Assert.Equal(("TextTooLong", 3L + XmlReaderOptions.Default.MaxTextLength), (outcome.Error!.ErrorCode, outcome.Error.ByteOffset));
        Assert.True(outcome.Error.Raw.IsEmpty);
    }

    [Theory]
    [InlineData("<a x='1' y='2' z='3'/>", "TooManyAttributes")]
    [InlineData("<abcdefghijklmnopqrstuvwxyz/>", "NameTooLong")]
    [InlineData("<a><b/><b/><b/><b/></a>", "TooManyElements")]
    [InlineData("<a>0123456789012345678901234567890123456789</a>", "TextTooLong")]
    [InlineData("<a x='0123456789012345678901234567890123456789'/>", "TextTooLong")]
    [InlineData("<a><!--0123456789012345678901234567890123456789--></a>", "TextTooLong")]
    [InlineData("<a><b><c><d/></c></b></a>", "DepthExceeded")]
    [InlineData("<a><b>012345678901</b><b>012345678901</b><b>012345678901</b></a>", "DocumentTooLarge")]
    [InlineData("<a                                                      x='1'/>", "TokenTooLong")]
    public void Each_limit_has_its_own_error(string xml, string code)
    {
        var options = new SedParserOptions
        {
            Xml = new XmlReaderOptions { MaxAttributes = 2, MaxNameLength = 16, MaxElements = 4, MaxTextLength = 32, MaxDepth = 3, MaxDocumentBytes = 60, MaxTokenLength = 40 },
        };
        using var unit = new InputUnit(new UnitId("limits.xml", null, 0), Encoding.UTF8.GetBytes(xml));
        var outcome = new SedParser(options).Parse(unit);
        Assert.Equal(code, outcome.Error!.ErrorCode);
    }

    /// <summary>A stream of a prefix followed by one repeated byte, produced on demand, counting what is read.</summary>
    private sealed class GeneratedStream(byte[] prefix, byte fill, long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - BytesRead);
            for (var i = 0; i < n; i++)
            {
                var pos = BytesRead + i;
                buffer[i] = pos < prefix.Length ? prefix[pos] : fill;
            }
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
