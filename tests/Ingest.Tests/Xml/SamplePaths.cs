namespace Ingest.Tests.Xml;

/// <summary>Locates the repository's samples/ and shared XSD examples from the test output folder.</summary>
internal static class SamplePaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (Ingest.sln) not found");
        }
    }

    public static string Samples => Path.Combine(Root, "samples");

    public static IEnumerable<string> ValidXml()
    {
        var valid = Path.Combine(Samples, "valid");
        var files = Directory.Exists(valid) ? Directory.GetFiles(valid, "*.xml", SearchOption.AllDirectories) : [];
        var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eessi-xsd", "examples"));
        var examples = Directory.Exists(shared) ? Directory.GetFiles(shared, "*.xml") : [];
        return files.Concat(examples).Order(StringComparer.Ordinal);
    }
}
