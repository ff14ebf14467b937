using Ingest.Core.Results;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>Writes the rule catalogue so analysts can join anomalies to titles, severities and legal bases.</summary>
public static class RuleCatalogWriter
{
    public static Task WriteAsync(ClickHouseStore store, IEnumerable<RuleDescriptor> rules, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var rows = new List<object[]>();
        foreach (var r in rules)
        {
            var dash = r.Id.IndexOf('-', StringComparison.Ordinal);
            rows.Add([r.Id, dash > 0 ? r.Id[..dash] : r.Id, r.Title, r.Severity.ToString().ToUpperInvariant(), r.LegalBasis, string.Join(", ", r.Inputs), r.FollowUp, now]);
        }
        return store.InsertAsync(Tables.RuleCatalog, rows, cancellationToken);
    }
}
