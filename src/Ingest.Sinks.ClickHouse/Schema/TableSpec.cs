namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>
/// A table's insert shape: column names and ClickHouse types in insert order. Types say "{lc}"
/// where LowCardinality(String) is used on servers that have it.
/// </summary>
public sealed class TableSpec
{
    private readonly (string Name, string Type)[] _columns;
    private Dictionary<string, string>? _plain;
    private Dictionary<string, string>? _lowCardinality;

    public TableSpec(string name, params (string Name, string Type)[] columns)
    {
        Name = name;
        _columns = columns;
        ColumnNames = Array.ConvertAll(columns, c => c.Name);
    }

    public string Name { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    public int ColumnCount => _columns.Length;

    public IReadOnlyDictionary<string, string> ColumnTypes(ServerVersion version)
    {
        if (version.HasLowCardinality)
        {
            return _lowCardinality ??= Build("LowCardinality(String)");
        }
        return _plain ??= Build("String");
    }

    private Dictionary<string, string> Build(string lc)
    {
        var map = new Dictionary<string, string>(_columns.Length, StringComparer.Ordinal);
        foreach (var (name, type) in _columns)
        {
            map[name] = type.Replace("{lc}", lc, StringComparison.Ordinal);
        }
        return map;
    }
}
