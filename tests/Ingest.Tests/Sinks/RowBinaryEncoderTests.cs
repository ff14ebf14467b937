using Ingest.Core.Units;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.Tests.Sinks;

/// <summary>The sink writes rows straight into a batch's bytes: a wrong or unfinished row must leave none behind.</summary>
public sealed class RowBinaryEncoderTests
{
    private static readonly ServerVersion s_version = ServerVersion.Parse("18.16.1");

    private static byte[] Bytes(RowBinaryBuffer buffer)
    {
        using var read = new MemoryStream();
        using (var stream = buffer.OpenRead())
        {
            stream.CopyTo(read);
        }
        return read.ToArray();
    }

    private static void Quarantine(IRowTarget t, int i) => RowMapper.Quarantine(t, new QuarantineRecord
    {
        Unit = new UnitId($"u{i}", null, i),
        ErrorCode = "Malformed",
        Message = new string('m', i),
        Raw = new byte[i],
    }, "malformed", "run", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1 << 20);

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_and_its_row_leaves_no_bytes()
    {
        var buffer = new RowBinaryBuffer();
        var encoder = new RowBinaryEncoder(Tables.Quarantine, s_version).Into(buffer);
        Quarantine(encoder, 1);
        var before = Bytes(buffer);

        encoder.String("u2");
        encoder.String("source");
        var e = Assert.Throws<InvalidOperationException>(() => encoder.UInt32(3)); // entry is a String
        Assert.Contains("entry", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => encoder.EndRow()); // nothing of that row is left to end

        Assert.Equal(before, Bytes(buffer));
        Assert.Equal(1, buffer.Rows);
    }

    [Fact]
    public void A_row_left_unfinished_by_an_exception_is_dropped_when_the_next_row_starts_even_across_chunks()
    {
        var buffer = new RowBinaryBuffer();
        var encoder = new RowBinaryEncoder(Tables.Quarantine, s_version).Into(buffer);
        for (var i = 0; i < 100; i++)
        {
            Quarantine(encoder.Into(buffer), i);
        }
        var before = Bytes(buffer);

        // A mapper that throws after a long value (it spills into a new chunk): the batch must not keep the half row.
        encoder.Into(buffer).String(new string('x', 2 << 20));
        Quarantine(encoder.Into(buffer), 100);

        var reference = new RowBinaryBuffer();
        var clean = new RowBinaryEncoder(Tables.Quarantine, s_version);
        for (var i = 0; i <= 100; i++)
        {
            Quarantine(clean.Into(reference), i);
        }
        Assert.NotEqual(before.Length, Bytes(reference).Length);
        Assert.Equal(Bytes(reference), Bytes(buffer));
        Assert.Equal(101, buffer.Rows);
    }

    [Fact]
    public void Rows_with_too_few_values_are_refused()
    {
        var buffer = new RowBinaryBuffer();
        var encoder = new RowBinaryEncoder(Tables.Quarantine, s_version).Into(buffer);
        encoder.String("u");
        Assert.Throws<InvalidOperationException>(() => encoder.EndRow());
        Assert.Equal(0, buffer.Rows);
        Assert.Empty(Bytes(buffer));
    }
}
