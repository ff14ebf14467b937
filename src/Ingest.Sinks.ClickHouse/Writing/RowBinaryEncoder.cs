using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Writes <see cref="RowMapper"/>'s rows as RowBinary for one table, into the buffer given by
/// <see cref="Into"/>, with the same conversions as the driver's binary insert (dates as days and
/// date-times as seconds since the Unix epoch, in UTC). Every value is checked against the type of
/// the column it lands in, so a mapper that drifts from the schema fails loudly instead of writing
/// bytes ClickHouse would misread. One writer at a time.
/// </summary>
internal sealed class RowBinaryEncoder : IRowTarget
{
    private static readonly int s_epochDay = DateOnly.FromDateTime(System.DateTime.UnixEpoch).DayNumber;
    private readonly Kind[] _kinds;
    private RowBinaryBuffer? _buffer;
    private int _column;
    private int _elements;
    private (int Chunks, int Used) _rowStart;

    public RowBinaryEncoder(TableSpec table, ServerVersion version)
    {
        Table = table;
        var types = table.ColumnTypes(version);
        _kinds = new Kind[table.ColumnCount];
        for (var i = 0; i < _kinds.Length; i++)
        {
            _kinds[i] = KindOf(types[table.ColumnNames[i]]);
        }
    }

    private enum Kind : byte
    {
        String,
        UInt8,
        UInt32,
        UInt64,
        Float32,
        Date,
        DateTime,
        StringArray,
    }

    public TableSpec Table { get; }

    /// <summary>The buffer the next rows go to (a row left unfinished by an exception is dropped first).</summary>
    public RowBinaryEncoder Into(RowBinaryBuffer buffer)
    {
        Abort();
        _buffer = buffer;
        return this;
    }

    /// <summary>Drops the row being written, if any: a mapper that threw half-way leaves no bytes behind.</summary>
    public void Abort()
    {
        if (_column != 0 || _elements != 0)
        {
            _buffer?.Rollback(_rowStart);
            _column = 0;
            _elements = 0;
        }
    }

    public void String(string? value)
    {
        if (_elements > 0)
        {
            Buffer.String(value);
            if (--_elements == 0)
            {
                _column++;
            }
            return;
        }
        Next(Kind.String).String(value);
    }

    public void Unit(Core.Units.UnitId unit) => Next(Kind.String).Joined(unit.Source, '!', unit.Entry);

    public void UInt8(byte value) => Next(Kind.UInt8).UInt8(value);

    public void UInt32(uint value) => Next(Kind.UInt32).UInt32(value);

    public void UInt64(ulong value) => Next(Kind.UInt64).UInt64(value);

    public void Float32(float value) => Next(Kind.Float32).Float32(value);

    public void Date(DateOnly value) => Next(Kind.Date).UInt16((ushort)Math.Clamp(value.DayNumber - s_epochDay, 0, ushort.MaxValue));

    public void DateTime(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value; // unspecified is read as UTC: the sink only writes UTC times
        Next(Kind.DateTime).UInt32((uint)Math.Clamp((utc.Ticks - System.DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond, 0, uint.MaxValue));
    }

    public void Strings(IReadOnlyList<string> values)
    {
        var buffer = Next(Kind.StringArray);
        buffer.VarUInt((ulong)values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            buffer.String(values[i]);
        }
    }

    public void BeginStrings(int count)
    {
        Expect(Kind.StringArray);
        Buffer.VarUInt((ulong)count);
        if (count == 0)
        {
            _column++;
        }
        else
        {
            _elements = count;
        }
    }

    public void EndRow()
    {
        if (_column != _kinds.Length || _elements != 0)
        {
            var written = _column;
            Abort();
            throw new InvalidOperationException($"{Table.Name}: a row of {written} values for {_kinds.Length} columns");
        }
        Buffer.EndRow();
        _column = 0;
    }

    private RowBinaryBuffer Buffer => _buffer ?? throw new InvalidOperationException($"{Table.Name}: no buffer (call Into first)");

    /// <summary>Checks the column about to be written and moves past it.</summary>
    private RowBinaryBuffer Next(Kind kind)
    {
        Expect(kind);
        _column++;
        return Buffer;
    }

    private void Expect(Kind kind)
    {
        if (_elements > 0 || _column >= _kinds.Length || _kinds[_column] != kind)
        {
            var what = _column < _kinds.Length ? $"column {Table.ColumnNames[_column]} is {_kinds[_column]}" : "the row is complete";
            Abort();
            throw new InvalidOperationException($"{Table.Name}: {what}, written as {kind}");
        }
        if (_column == 0)
        {
            _rowStart = Buffer.Mark();
        }
    }

    private static Kind KindOf(string type) => type switch
    {
        "String" or "LowCardinality(String)" => Kind.String,
        "UInt8" => Kind.UInt8,
        "UInt32" => Kind.UInt32,
        "UInt64" => Kind.UInt64,
        "Float32" => Kind.Float32,
        "Date" => Kind.Date,
        "DateTime" => Kind.DateTime,
        "Array(String)" or "Array(LowCardinality(String))" => Kind.StringArray,
        _ => throw new NotSupportedException($"RowBinary encoding of {type}"),
    };
}
