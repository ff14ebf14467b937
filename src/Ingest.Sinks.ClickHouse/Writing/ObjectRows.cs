namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>Rows as object arrays, for the driver's binary insert (its own serialisation checks the types).</summary>
internal sealed class ObjectRows : IRowTarget
{
    private readonly List<object> _row = [];
    private string[]? _array;
    private int _filled;

    public List<object[]> Rows { get; } = [];

    public void String(string? value)
    {
        if (_array is null)
        {
            _row.Add(value ?? "");
            return;
        }
        _array[_filled++] = value ?? "";
        if (_filled == _array.Length)
        {
            _row.Add(_array);
            _array = null;
        }
    }

    public void Unit(Core.Units.UnitId unit) => String(unit.ToString());

    public void UInt8(byte value) => _row.Add(value);

    public void UInt32(uint value) => _row.Add(value);

    public void UInt64(ulong value) => _row.Add(value);

    public void Float32(float value) => _row.Add(value);

    public void Date(DateOnly value) => _row.Add(value);

    public void DateTime(DateTime value) => _row.Add(value);

    public void Strings(IReadOnlyList<string> values) => _row.Add(values.ToArray());

    public void BeginStrings(int count)
    {
        if (count == 0)
        {
            _row.Add(Array.Empty<string>());
            return;
        }
        _array = new string[count];
        _filled = 0;
    }

    public void EndRow()
    {
        if (_array is not null)
        {
            throw new InvalidOperationException($"an array of {_array.Length} strings ended after {_filled}");
        }
        Rows.Add([.. _row]);
        _row.Clear();
    }
}
