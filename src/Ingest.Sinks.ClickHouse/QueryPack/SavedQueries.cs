using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Sinks.ClickHouse.QueryPack;

/// <summary>
/// The CLASS query pack, embedded in the assembly. A file's header is `-- title:`, `-- description:`
/// (continued by indented `--   ` lines) and `-- param: NAME TYPE DEFAULT description` lines
/// (DEFAULT `-` = required); `{db}` and `{NAME}` in the body are substituted.
/// </summary>
public static partial class SavedQueries
{
    public static IReadOnlyList<SavedQuery> All { get; } = Load();

    public static SavedQuery? Find(string name)
    {
        foreach (var q in All)
        {
            if (q.Name == name)
            {
                return q;
            }
        }
        return null;
    }

    /// <summary>The SQL with the database and every parameter inlined as a validated literal.</summary>
    public static string Render(SavedQuery query, string database, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        foreach (var name in values.Keys)
        {
            if (!query.Parameters.Any(p => p.Name == name))
            {
                throw new ArgumentException($"query '{query.Name}' has no parameter '{name}' (it has: {string.Join(", ", query.Parameters.Select(p => p.Name))})");
            }
        }
        var literals = new Dictionary<string, string>(StringComparer.Ordinal) { ["db"] = database };
        foreach (var p in query.Parameters)
        {
            var raw = values.TryGetValue(p.Name, out var v) ? v : p.Default
                ?? throw new ArgumentException($"query '{query.Name}' needs --param {p.Name}=<{p.Type}> ({p.Description})");
            literals[p.Name] = Literal(p, raw, today);
        }
        // One pass over the query's own text: a value that contains "{name}" is never substituted again
        // (replacing parameter after parameter would rewrite it, and let a later string literal close an
        // earlier one).
        return Placeholder().Replace(query.Sql, m => literals.TryGetValue(m.Groups[1].Value, out var literal) ? literal : m.Value);
    }

    internal static string Literal(QueryParameter p, string raw, DateOnly today)
    {
        switch (p.Type)
        {
            case "UInt":
                return ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n.ToString(CultureInfo.InvariantCulture)
                    : throw new ArgumentException($"--param {p.Name} expects a non-negative integer, got '{raw}'");
            case "Date":
                var date = raw switch
                {
                    "today" => today,
                    "month-start" => new DateOnly(today.Year, today.Month, 1),
                    _ => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new ArgumentException($"--param {p.Name} expects a date yyyy-MM-dd (or today, month-start), got '{raw}'"),
                };
                return $"toDate('{date:yyyy-MM-dd}')";
            case "String":
                var sb = new StringBuilder(raw.Length + 2).Append('\'');
                foreach (var c in raw)
                {
                    if (c is '\'' or '\\')
                    {
                        sb.Append('\\');
                    }
                    else if (char.IsControl(c))
                    {
                        throw new ArgumentException($"--param {p.Name} must not contain control characters");
                    }
                    sb.Append(c);
                }
                return sb.Append('\'').ToString();
            default:
                throw new InvalidOperationException($"query parameter type '{p.Type}' is not supported");
        }
    }

    private static List<SavedQuery> Load()
    {
        var list = new List<SavedQuery>();
        foreach (var (name, text) in Schema.EmbeddedSql.Read("Queries"))
        {
            list.Add(Parse(name, text));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    internal static SavedQuery Parse(string name, string text)
    {
        string title = "", description = "";
        var parameters = new List<QueryParameter>();
        var body = new StringBuilder();
        var inDescription = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("-- title:", StringComparison.Ordinal))
            {
                title = line[9..].Trim();
                inDescription = false;
            }
            else if (line.StartsWith("-- description:", StringComparison.Ordinal))
            {
                description = line[15..].Trim();
                inDescription = true;
            }
            else if (inDescription && line.StartsWith("--   ", StringComparison.Ordinal))
            {
                description += " " + line[5..].Trim();
            }
            else if (line.StartsWith("-- param:", StringComparison.Ordinal))
            {
                inDescription = false;
                var m = ParamLine().Match(line);
                if (!m.Success)
                {
                    throw new InvalidDataException($"query {name}: bad parameter line '{line}'");
                }
                var def = m.Groups[3].Value;
                parameters.Add(new QueryParameter(m.Groups[1].Value, m.Groups[2].Value, def == "-" ? null : def, m.Groups[4].Value.Trim()));
            }
            else
            {
                inDescription = false;
                body.Append(line).Append('\n');
            }
        }
        return new SavedQuery(name, title, description, parameters, body.ToString().Trim());
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^-- param:\s+(\w+)\s+(UInt|Date|String)\s+(\S+)\s*(.*)$")]
    private static partial Regex ParamLine();
}
