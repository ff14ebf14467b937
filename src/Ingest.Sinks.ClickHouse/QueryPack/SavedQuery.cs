namespace Ingest.Sinks.ClickHouse.QueryPack;

/// <summary>One named, documented query of the CLASS pack (Queries/NAME.sql).</summary>
public sealed record SavedQuery(string Name, string Title, string Description, IReadOnlyList<QueryParameter> Parameters, string Sql);

/// <summary>
/// A declared parameter. Values are validated against the type and inlined as literals, because
/// 18.16 has no server-side query parameters; validation is what keeps that safe.
/// </summary>
public sealed record QueryParameter(string Name, string Type, string? Default, string Description)
{
    public bool Required => Default is null;
}
