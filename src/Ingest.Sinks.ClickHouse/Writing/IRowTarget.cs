namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Where <see cref="RowMapper"/> writes a row, column by column in the table's order: straight into
/// RowBinary for the sink (<see cref="RowBinaryEncoder"/>, nothing allocated a row), or into object
/// rows for the driver's insert (<see cref="ObjectRows"/>: the run rows, and the reference the tests
/// compare the encoder with).
/// </summary>
internal interface IRowTarget
{
    /// <summary>A String column (null is the empty string), or the next element of an array begun by <see cref="BeginStrings"/>.</summary>
    void String(string? value);

    /// <summary>
    /// A String column holding a unit's name as <see cref="Core.Units.UnitId.ToString"/> writes it
    /// ("source!entry"), without making that string: a SED's row carries it, ~100 characters each.
    /// </summary>
    void Unit(Core.Units.UnitId unit);

    void UInt8(byte value);

    void UInt32(uint value);

    void UInt64(ulong value);

    void Float32(float value);

    void Date(DateOnly value);

    /// <summary>A DateTime column; the sink writes UTC times only.</summary>
    void DateTime(DateTime value);

    void Strings(IReadOnlyList<string> values);

    /// <summary>An Array(String) column of <paramref name="count"/> elements, given by the next <paramref name="count"/> calls of <see cref="String"/>.</summary>
    void BeginStrings(int count);

    void EndRow();
}
