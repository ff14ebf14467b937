namespace Ingest.Cli.Hosting;

/// <summary>The reference-data files a verb was given (or found in a corpus folder).</summary>
internal static class ReferenceFiles
{
    /// <summary>
    /// A usage error for a named file that does not exist: the loaders read a missing file as an empty
    /// register, so a mistyped path would leave every SED unmatched on that side without a word.
    /// </summary>
    public static void RequireExisting(string? a1Path, string? declarationsPath)
    {
        foreach (var (option, path) in new[] { ("--a1", a1Path), ("--declarations", declarationsPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                throw new CliUsageException($"{option}: no such file: {path}");
            }
        }
    }
}
