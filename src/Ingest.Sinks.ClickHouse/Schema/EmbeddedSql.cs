using System.Text;

namespace Ingest.Sinks.ClickHouse.Schema;

/// <summary>SQL files embedded in this assembly under a folder (Migrations/, Queries/): name without .sql → text.</summary>
internal static class EmbeddedSql
{
    public static IEnumerable<(string Name, string Text)> Read(string folder)
    {
        var assembly = typeof(EmbeddedSql).Assembly;
        var marker = "." + folder + ".";
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yield return (resource[(at + marker.Length)..^4], reader.ReadToEnd());
        }
    }
}
