using System.Globalization;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Encodes a <see cref="RowMapper"/> row as RowBinary for one table, column by column in the
/// table's order, with the same conversions as the driver's binary insert (dates as days and
/// date-times as seconds since the Unix epoch, in UTC).
/// </summary>
internal sealed class RowBinaryEncoder
{
    private static readonly int s_epochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private readonly Kind[] _kinds;

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

    public void Encode(object?[] row, RowBinaryBuffer buffer)
    {
        if (row.Length != _kinds.Length)
        {
            throw new ArgumentException($"{Table.Name}: {row.Length} values for {_kinds.Length} columns", nameof(row));
        }
        for (var i = 0; i < _kinds.Length; i++)
        {
            var value = row[i];
            switch (_kinds[i])
            {
                case Kind.String:
                    buffer.String((string?)value);
                    break;
                case Kind.UInt8:
                    buffer.UInt8(value is byte b ? b : Convert.ToByte(value, CultureInfo.InvariantCulture));
                    break;
                case Kind.UInt32:
                    buffer.UInt32(value is uint u ? u : Convert.ToUInt32(value, CultureInfo.InvariantCulture));
                    break;
                case Kind.UInt64:
                    buffer.UInt64(value is ulong l ? l : Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                    break;
                case Kind.Float32:
                    buffer.Float32(value is float f ? f : Convert.ToSingle(value, CultureInfo.InvariantCulture));
                    break;
                case Kind.Date:
                    buffer.UInt16(Days(value));
                    break;
                case Kind.DateTime:
                    buffer.UInt32(Seconds(value));
                    break;
                case Kind.StringArray:
                    StringArray(value, buffer);
                    break;
            }
        }
        buffer.EndRow();
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

    private static ushort Days(object? value)
    {
        var date = value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => throw new InvalidCastException($"a Date column needs a DateOnly, not {value?.GetType().Name ?? "null"}"),
        };
        return (ushort)Math.Clamp(date.DayNumber - s_epochDay, 0, ushort.MaxValue);
    }

    private static uint Seconds(object? value)
    {
        var instant = value switch
        {
            DateTime { Kind: DateTimeKind.Local } t => t.ToUniversalTime(),
            DateTime t => t, // UTC, or unspecified read as UTC: the sink only writes UTC times
            DateTimeOffset o => o.UtcDateTime,
            _ => throw new InvalidCastException($"a DateTime column needs a DateTime, not {value?.GetType().Name ?? "null"}"),
        };
        return (uint)Math.Clamp((instant.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond, 0, uint.MaxValue);
    }

    private static void StringArray(object? value, RowBinaryBuffer buffer)
    {
        switch (value)
        {
            case null:
                buffer.VarUInt(0);
                break;
            case string[] array:
                buffer.VarUInt((ulong)array.Length);
                foreach (var s in array)
                {
                    buffer.String(s);
                }
                break;
            case IReadOnlyList<string> list:
                buffer.VarUInt((ulong)list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    buffer.String(list[i]);
                }
                break;
            default:
                throw new InvalidCastException($"an Array(String) column needs strings, not {value.GetType().Name}");
        }
    }
}
