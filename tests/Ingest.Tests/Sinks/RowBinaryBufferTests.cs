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
