namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>
/// The server's version, read once at start-up, so DDL and queries can use newer features on
/// modern servers while the local 18.16 keeps working.
/// </summary>
public readonly record struct ServerVersion(int Major, int Minor, string Raw)
{
    /// <summary>LowCardinality became usable without an experimental setting in 19.x.</summary>
    public bool HasLowCardinality => Major >= 19;

    /// <summary>Typed query parameters ({name:Type}) arrived in 19.x.</summary>
    public bool HasQueryParameters => Major >= 20 || (Major == 19 && Minor >= 11);

    public static ServerVersion Parse(string raw)
    {
        var parts = raw.Trim().Split('.');
        var major = parts.Length > 0 && int.TryParse(parts[0], out var a) ? a : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], out var b) ? b : 0;
        return new ServerVersion(major, minor, raw.Trim());
    }

    public override string ToString() => Raw;
}
