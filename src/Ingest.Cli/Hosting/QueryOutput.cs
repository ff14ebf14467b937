using System.Text;
using Ingest.Sinks.ClickHouse;

namespace Ingest.Cli.Hosting;

/// <summary>Prints a query result as an aligned table, CSV with a header, or one JSON array.</summary>
internal static class QueryOutput
{
    public static async Task WriteAsync(ClickHouseStore store, string sql, string format, TextWriter output, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "csv":
                await output.WriteAsync(await store.QueryTextAsync(sql + "\nFORMAT CSVWithNames", cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case "json":
                var lines = (await store.QueryTextAsync(sql + "\nFORMAT JSONEachRow", cancellationToken).ConfigureAwait(false))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries);
                await output.WriteLineAsync("[" + string.Join(",\n", lines) + "]").ConfigureAwait(false);
                break;
            default:
                var tsv = await store.QueryTextAsync(sql + "\nFORMAT TSVWithNames", cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(Table(tsv)).ConfigureAwait(false);
                break;
        }
    }

    internal static string Table(string tsv)
    {
        var rows = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t').Select(Unescape).ToArray()).ToList();
        if (rows.Count == 0)
        {
            return "(no rows)\n";
        }
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Min(row[i].Length, 60));
            }
        }
        var sb = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < rows[r].Length ? rows[r][i] : "";
                if (cell.Length > 60)
                {
                    cell = cell[..59] + "…";
                }
                sb.Append(cell.PadRight(widths[i])).Append(i + 1 < widths.Length ? "  " : "");
            }
            sb.Append('\n');
            if (r == 0)
            {
                sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }
        sb.Append($"({rows.Count - 1} row{(rows.Count == 2 ? "" : "s")})\n");
        return sb.ToString();
    }

    private static string Unescape(string cell) =>
        cell.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", " ", StringComparison.Ordinal)
            .Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
