using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.Tests.Sinks;

public sealed class RowBinaryBufferTests
{
    [Fact]
    public void A_buffer_streams_back_every_byte_across_chunks_and_can_be_written_again()
    {
        var buffer = new RowBinaryBuffer();
        var expected = new List<byte>();
        for (var i = 0; i < 5000; i++)
        {
            var s = new string((char)('a' + (i % 26)), i % 700);
            buffer.String(s);
            expected.AddRange(Leb128(s.Length));
            expected.AddRange(System.Text.Encoding.UTF8.GetBytes(s));
            buffer.UInt32((uint)i);
            expected.AddRange(BitConverter.GetBytes((uint)i));
            buffer.EndRow();
        }
        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read, 4096);
        }
        Assert.True(read.Length > 1 << 20, "the rows span more than one chunk");
        Assert.Equal(expected.ToArray(), read.ToArray());
        Assert.Equal(5000, buffer.Rows);

        buffer.Clear();
        buffer.String("x");
        using var again = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(again);
        }
        Assert.Equal(new byte[] { 1, (byte)'x' }, again.ToArray());
    }

    [Fact]
    public void A_rollback_drops_a_row_written_across_chunks_and_keeps_the_rows_before_it()
    {
        var buffer = new RowBinaryBuffer();
        var kept = new string('k', 700_000);
        buffer.String(kept);
        buffer.EndRow();
        var mark = buffer.Mark();
        // Two values that do not fit the first chunk's rest: the row spans a second and a third chunk.
        buffer.String(new string('x', 700_000));
        buffer.String(new string('y', 900_000));
        Assert.True(buffer.Bytes > 2 << 20);
        buffer.Rollback(mark);
        buffer.String("z");
        buffer.EndRow();

        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read);
        }
        var expected = new List<byte>();
        expected.AddRange(Leb128(kept.Length));
        expected.AddRange(System.Text.Encoding.ASCII.GetBytes(kept));
        expected.AddRange([1, (byte)'z']);
        Assert.Equal(expected.ToArray(), read.ToArray());
        Assert.Equal(expected.Count, buffer.Bytes);
        buffer.Clear();
        Assert.Equal(0, buffer.Bytes);
    }

    [Fact]
    public void Restoring_a_checkpoint_drops_whole_rows_written_since_across_chunks_and_their_count()
    {
        var buffer = new RowBinaryBuffer();
        buffer.String("kept");
        buffer.EndRow();
        var checkpoint = buffer.Checkpoint();
        buffer.String(new string('x', 700_000));
        buffer.EndRow();
        buffer.String(new string('y', 900_000));
        buffer.EndRow();
        buffer.String("half a row");
        Assert.Equal(3, buffer.Rows);

        buffer.RestoreTo(checkpoint);
        buffer.String("next");
        buffer.EndRow();

        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read);
        }
        Assert.Equal([4, .. "kept"u8, 4, .. "next"u8], read.ToArray());
        Assert.Equal(2, buffer.Rows);
    }

    [Fact]
    public void A_value_larger_than_a_chunk_is_written_whole()
    {
        var buffer = new RowBinaryBuffer();
        var big = new string('b', (1 << 20) + 5000);
        buffer.String("a");
        buffer.String(big);
        buffer.EndRow();
        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read);
        }
        var expected = new List<byte> { 1, (byte)'a' };
        expected.AddRange(Leb128(big.Length));
        expected.AddRange(System.Text.Encoding.ASCII.GetBytes(big));
        Assert.Equal(expected.ToArray(), read.ToArray());
        buffer.Clear();
    }

    [Theory]
    [InlineData("/data/2024-11-25.zip", "2024-11-25/000123.xml")]
    [InlineData("/data/file.xml", null)]
    [InlineData("", "entry")]
    [InlineData(null, "entry")]
    [InlineData(null, null)]
    [InlineData("/données/été.zip", "éntrée/ü.xml")]
    [InlineData("topic/3@1024", "")]
    public void A_unit_is_written_as_its_name_is(string? source, string? entry)
    {
        // Also names past 127 bytes, whose length takes two bytes.
        foreach (var prefix in new[] { "", new string('d', 150) + "/" })
        {
            var unit = new Ingest.Core.Units.UnitId(source is null ? null! : prefix + source, entry, 0);
            Assert.Equal(Bytes(b => b.String(unit.ToString())), Bytes(b => b.Joined(unit.Source, '!', unit.Entry)));
        }
    }

    private static byte[] Bytes(Action<RowBinaryBuffer> write)
    {
        var buffer = new RowBinaryBuffer();
        write(buffer);
        buffer.EndRow();
        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read);
        }
        return read.ToArray();
    }

    private static List<byte> Leb128(int value)
    {
        var bytes = new List<byte>();
        var v = (uint)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        bytes.Add((byte)v);
        return bytes;
    }
}
