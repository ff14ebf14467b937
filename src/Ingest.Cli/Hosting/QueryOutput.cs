using System.Text;
using Ingest.Sinks.ClickHouse;

namespace Ingest.Cli.Hosting;

/// <summary>Prints a query result as an aligned table, CSV with a header, or one JSON array.</summary>
internal static class QueryOutput
{
    private static readonly Dictionary<string, object> s_unquoted64 = new() { ["output_format_json_quote_64bit_integers"] = 0 };

    public static async Task WriteAsync(ClickHouseStore store, string sql, string format, TextWriter output, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "csv":
                await output.WriteAsync(await store.QueryTextAsync(sql + "\nFORMAT CSVWithNames", cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case "json":
                // Counts are 64-bit: ClickHouse quotes those in JSON unless told not to, and a count is a number.
                var lines = (await store.QueryTextAsync(sql + "\nFORMAT JSONEachRow", s_unquoted64, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// A TSV cell's escapes undone in one pass (undone one after another, the "\\" of a backslash
    /// followed by "n" would be read as a line break); line breaks, tabs and other control characters
    /// become spaces, as a table's cell is one line.
    /// </summary>
    internal static string Unescape(string cell)
    {
        if (!cell.Contains('\\', StringComparison.Ordinal))
        {
            return cell;
        }
        var sb = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c != '\\' || i + 1 == cell.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = cell[++i];
            sb.Append(next switch
            {
                'n' or 'r' or 't' or '0' or 'b' or 'f' => ' ',
                _ => next,
            });
        }
        return sb.ToString();
    }
}
