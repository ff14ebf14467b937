using System.IO.Compression;
using Ingest.Sources;

namespace Ingest.Tests.Sources;

/// <summary>The progress total of a zip: its files, counted from the central directory without reading entry names into strings.</summary>
public sealed class ZipEntryCountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-zipcount-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(3, 1)]
    [InlineData(70_000, 2)]
    public void Counts_files_and_not_directories(int files, int directories)
    {
        var path = Path.Combine(_dir, $"z{files}.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var d = 0; d < directories; d++)
            {
                zip.CreateEntry($"folder{d}/");
            }
            for (var i = 0; i < files; i++)
            {
                using var w = new StreamWriter(zip.CreateEntry($"folder/é{i}.xml", CompressionLevel.NoCompression).Open());
                w.Write("<a/>");
            }
        }
        // 70 000 entries are more than the 16-bit count of a plain end record: the zip64 record gives it.
        Assert.Equal(files, UnitSources.CountZipEntries(path));
    }

    [Fact]
    public void An_unreadable_archive_counts_as_nothing_known()
    {
        var path = Path.Combine(_dir, "broken.zip");
        File.WriteAllBytes(path, [.. "PK\u0003\u0004 not really a zip"u8]);
        Assert.Null(UnitSources.CountZipEntries(path));
    }
}
