using System.Buffers;
using System.IO.Compression;
using System.Text;
using Ingest.Core.Units;
using Ingest.Sources;

namespace Ingest.Tests.Sources;

public sealed class UnitSourcesTests
{
    private static async Task<List<(string Name, long Offset, string Payload, string? FramingError)>> ReadAll(IUnitSource source)
    {
        var list = new List<(string, long, string, string?)>();
        await foreach (var unit in source.ReadAsync(CancellationToken.None))
        {
            using (unit)
            {
                list.Add((unit.Id.ToString(), unit.Id.Offset, Encoding.UTF8.GetString(unit.Payload.ToArray()), unit.FramingError));
            }
        }
        return list;
    }

    private static byte[] Seds(params string[] docs)
    {
        var sb = new StringBuilder();
        foreach (var d in docs)
        {
            sb.Append("#SED ").Append(Encoding.UTF8.GetByteCount(d)).Append('\n').Append(d).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_folder_is_read_recursively_in_ordinal_order_with_zips_and_frames()
    {
        using var tree = new TempTree();
        tree.Write("b/x.xml", "<x/>");
        tree.Write("a.xml", "<a/>");
        tree.Write("notes.txt", "not an input");
        tree.Write("c.zip", Zip(("one.xml", "<one/>"u8.ToArray()), ("dir/", []), ("inner.seds", Seds("<i/>"))));
        tree.Write("d.seds", Seds("<f0/>", "<f1>é</f1>"));
        var units = await ReadAll(UnitSources.For([tree.Root]));
        string P(string r) => Path.Combine(tree.Root, r);
        Assert.Equal(
            [
                (P("a.xml"), 0L, "<a/>", null),
                (P("b/x.xml"), 0L, "<x/>", null),
                (P("c.zip") + "!one.xml", 0L, "<one/>", null),
                (P("c.zip") + "!inner.seds#0", 7L, "<i/>", null),
                (P("d.seds") + "#0", 7L, "<f0/>", null),
                (P("d.seds") + "#1", 21L, "<f1>é</f1>", null),
            ],
            units.Select(u => (u.Name, u.Offset, u.Payload, u.FramingError)));
    }

    [Fact]
    public async Task A_dangling_link_in_a_folder_is_one_unit_error_and_the_other_files_still_read()
    {
        using var tree = new TempTree();
        tree.Write("a.xml", "<a/>");
        tree.Write("c.xml", "<c/>");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "b.xml"), Path.Combine(tree.Root, "gone.xml"));

        var units = await ReadAll(UnitSources.For([tree.Root]));

        Assert.Equal(3, units.Count);
        Assert.Equal("<a/>", units[0].Payload);
        Assert.Equal(Path.Combine(tree.Root, "b.xml"), units[1].Name);
        Assert.StartsWith("file is unreadable: ", units[1].FramingError, StringComparison.Ordinal);
        Assert.Equal("<c/>", units[2].Payload);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_listed_is_one_unit_error_and_the_rest_of_the_tree_still_reads()
    {
        using var tree = new TempTree();
        tree.Write("a/1.xml", "<one/>");
        tree.Write("locked/hidden.xml", "<hidden/>");
        tree.Write("z.xml", "<z/>");
        var locked = Path.Combine(tree.Root, "locked");
        var source = new FolderUnitSource(tree.Root)
        {
            ListFolder = folder => Path.GetFullPath(folder) == locked
                ? throw new UnauthorizedAccessException($"Access to the path '{locked}' is denied.")
                : new DirectoryInfo(folder).EnumerateFileSystemInfos(),
        };

        var units = await ReadAll(source);

        Assert.Equal(
            [
                (Path.Combine(tree.Root, "a", "1.xml"), "<one/>", null),
                (locked, "", $"folder is unreadable: Access to the path '{locked}' is denied."),
                (Path.Combine(tree.Root, "z.xml"), "<z/>", (string?)null),
            ],
            units.Select(u => (u.Name, u.Payload, u.FramingError)));
    }

    /// <summary>A pipe has no length (as /dev/stdin or a shell's &lt;(…)): read to its end, not refused.</summary>
    [Fact]
    public async Task A_file_that_cannot_seek_is_read_to_its_end()
    {
        using var tree = new TempTree();
        var fifo = Path.Combine(tree.Root, "pipe.xml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var document = "<a>" + new string('x', 100_000) + "</a>";
        // Opening a FIFO for writing waits for its reader, which the source below is.
        var writer = Task.Run(() => File.WriteAllText(fifo, document));

        var units = await ReadAll(new FileUnitSource(fifo));
        await writer;

        Assert.Equal([(fifo, document, (string?)null)], units.Select(u => (u.Name, u.Payload, u.FramingError)));
    }

    [Fact]
    public async Task A_link_back_up_the_folder_tree_is_walked_once()
    {
        using var tree = new TempTree();
        tree.Write("sub/a.xml", "<a/>");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "sub", "loop"), tree.Root);
        tree.Write("other/b.xml", "<b/>");
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "also-other"), Path.Combine(tree.Root, "other"));

        var units = await ReadAll(UnitSources.For([tree.Root]));

        // "also-other" and "other" are one folder: whichever route is walked first, its file comes once.
        Assert.Equal(["<a/>", "<b/>"], units.Select(u => u.Payload).Order(StringComparer.Ordinal).ToArray());
        Assert.All(units, u => Assert.Null(u.FramingError));
    }

    [Theory]
    [InlineData("#SED 4\n<a/>\n#SED x\n<b/>\n", 1, "bad frame header at byte 12")]
    [InlineData("#SED 4\n<a/>\n#SED 99\n<b/>\n", 1, "short frame at byte 20: 5 of 99 bytes")]
    [InlineData("#SED 4\n<a/>X", 0, "frame at byte 7 is not followed by a newline")]
    [InlineData("SED 4\n<a/>\n", 0, "bad frame header at byte 0")]
    [InlineData("#SED 4", 0, "bad frame header at byte 0")]
    public async Task A_bad_frame_is_reported_once_and_ends_the_file(string content, int goodFrames, string error)
    {
        using var tree = new TempTree();
        var path = tree.Write("f.seds", content);
        var units = await ReadAll(UnitSources.For([path]));
        Assert.Equal(goodFrames + 1, units.Count);
        Assert.All(units.Take(goodFrames), u => Assert.Null(u.FramingError));
        Assert.Equal(error, units[^1].FramingError);
        Assert.Equal($"{path}#{goodFrames}", units[^1].Name);
    }

    [Fact]
    public async Task The_last_frame_may_end_without_a_newline()
    {
        using var tree = new TempTree();
        var path = tree.Write("f.seds", "#SED 4\n<a/>");
        var units = await ReadAll(UnitSources.For([path]));
        Assert.Equal("<a/>", units.Single().Payload);
    }

    [Fact]
    public async Task Units_over_the_size_limit_are_refused_without_reading_them()
    {
        using var tree = new TempTree();
        var path = tree.Write("big.xml", new string('x', 2000));
        await foreach (var unit in new FileUnitSource(path, new UnitSourceOptions { MaxUnitBytes = 1000 }).ReadAsync(CancellationToken.None))
        {
            using (unit)
            {
                Assert.Equal("document is larger than the 1000-byte limit (Parser:MaxDocumentBytes)", unit.FramingError);
                // Refused for the document-size limit: its own code, not a framing error.
                Assert.Equal("DocumentTooLarge", new Ingest.Sed.SedParser().Parse(unit).Error!.ErrorCode);
            }
        }
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        Assert.Throws<FileNotFoundException>(() => UnitSources.For(["/nonexistent/ingest/path.xml"]));
    }

    [Fact]
    public void Kafka_records_are_named_by_topic_partition_offset_and_keep_eessi_headers()
    {
        using var unit = KafkaUnits.FromRecord("seds", 3, 1234, "<a/>"u8.ToArray(),
            [new("eessi-case-id", "77"u8.ToArray()), new("other", "x"u8.ToArray())]);
        Assert.Equal("seds/3@1234", unit.Id.ToString());
        Assert.Equal(new Dictionary<string, string> { ["eessi-case-id"] = "77" }, unit.Headers);
    }

    [Fact]
    public void Disposing_a_unit_returns_its_pooled_buffer()
    {
        var buffer = new PooledBuffer(16);
        var unit = new InputUnit(new UnitId("x", null, 0), buffer.Memory, buffer);
        unit.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.Array);
        unit.Dispose();
    }
}
