using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Units;
using Ingest.Sources;

namespace Ingest.Tests.Sources;

/// <summary>
/// Zip entries handed on compressed and inflated later (in the parse workers) must give exactly
/// the units the streaming ZipArchive path gives, and corrupt entries must end in a clear unit error.
/// </summary>
public sealed class ZipDeferredInflateTests
{
    private static readonly UnitSourceOptions s_deferred = new() { DeferInflate = true };

    [Property(MaxTest = 40)]
    public Property Deferred_inflation_reads_the_same_units_as_the_streaming_path()
    {
        var entry = Gen.Elements("a.xml", "dir/b.xml", "été/ç.xml", "frames.seds", "c.xml", "empty.xml")
            .Zip(Gen.Choose(0, 3000))
            .Zip(Gen.Elements(CompressionLevel.Optimal, CompressionLevel.Fastest, CompressionLevel.NoCompression, CompressionLevel.SmallestSize));
        return Prop.ForAll(Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(entry, n)).ToArbitrary(), entries =>
        {
            using var tree = new TempTree();
            var path = Path.Combine(tree.Root, "batch.zip");
            File.WriteAllBytes(path, Archive(entries.Select((e, i) => (Name: $"{i}-{e.Item1.Item1}", Size: e.Item1.Item2, Level: e.Item2))));

            var streamed = ReadAll(UnitSources.For([path]));
            var deferred = ReadAll(UnitSources.For([path], s_deferred));

            Assert.Equal(streamed, deferred);
        });
    }

    [Fact]
    public void The_runtime_compression_library_serves_the_reusable_inflater()
    {
        Assert.True(Ingest.Sources.Zip.NativeInflater.IsAvailable, "libSystem.IO.Compression.Native lacks inflateReset2: entries fall back to DeflateStream");
    }

    [Property(MaxTest = 60)]
    public Property The_reused_native_inflater_and_DeflateStream_agree_on_good_and_damaged_data()
    {
        var cases = Gen.Choose(0, 20_000).Zip(Gen.Elements(CompressionLevel.Optimal, CompressionLevel.Fastest, CompressionLevel.SmallestSize)).Zip(Gen.Choose(-1, 3));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ((size, level), damage) = c;
            var original = Document("x.xml", size);
            using var ms = new MemoryStream();
            using (var deflate = new DeflateStream(ms, level, leaveOpen: true))
            {
                deflate.Write(original);
            }
            var compressed = ms.ToArray();
            var expected = original.Length;
            switch (damage)
            {
                case 0 when compressed.Length > 2: compressed = compressed[..(compressed.Length / 2)]; break; // cut short
                case 1: expected += 1; break; // the directory claims more
                case 2 when expected > 0: expected -= 1; break; // the directory claims less
            }
            var payload = new Ingest.Core.Units.DeflatedPayload(expected, 0);
            var native = new byte[expected];
            var streamed = new byte[expected];

            var nativeError = Ingest.Sources.Zip.NativeInflater.Inflate(compressed, native);
            var streamError = UnitInflation.ExpandWithStream(compressed, streamed, payload);

            Assert.Equal(streamError is null, nativeError is null);
            if (nativeError is null)
            {
                Assert.Equal(original, native);
                Assert.Equal(original, streamed);
            }
        });
    }

    [Fact]
    public void A_corrupt_entry_becomes_a_framing_error_and_the_next_entries_still_read()
    {
        using var tree = new TempTree();
        var path = Path.Combine(tree.Root, "batch.zip");
        var bytes = Archive([("first.xml", 2000, CompressionLevel.Optimal), ("second.xml", 2000, CompressionLevel.Optimal)]);
        var data = DataOffset(bytes, 0);
        bytes[data + 40] ^= 0x5A; // inside the first entry's deflate stream
        File.WriteAllBytes(path, bytes);

        var units = ReadAll(UnitSources.For([path], s_deferred));

        Assert.Equal(2, units.Count);
        Assert.Matches("not valid deflate data|CRC-32|expands", units[0].FramingError!);
        Assert.Null(units[1].FramingError);
        Assert.StartsWith("<doc", units[1].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_in_an_unsupported_compression_method_is_refused_by_name()
    {
        using var tree = new TempTree();
        var path = Path.Combine(tree.Root, "batch.zip");
        var bytes = Archive([("bzip.xml", 500, CompressionLevel.Optimal), ("fine.xml", 500, CompressionLevel.Optimal)]);
        var central = CentralHeaderOffset(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(central + 10), 12);
        File.WriteAllBytes(path, bytes);

        var units = ReadAll(UnitSources.For([path], s_deferred));

        Assert.Equal("zip entry uses compression method 12 (only stored and deflate are read)", units[0].FramingError);
        Assert.Null(units[1].FramingError);
    }

    [Fact]
    public void A_zip64_archive_with_more_than_65535_entries_is_read_whole()
    {
        using var tree = new TempTree();
        var path = Path.Combine(tree.Root, "many.zip");
        const int count = 65_600;
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var i = 0; i < count; i++)
            {
                using var s = zip.CreateEntry($"{i}.xml", CompressionLevel.Fastest).Open();
                s.Write(Encoding.UTF8.GetBytes($"<n>{i}</n>"));
            }
        }

        var units = ReadAll(UnitSources.For([path], s_deferred));

        Assert.Equal(count, units.Count);
        Assert.Equal("<n>65599</n>", units[^1].Payload);
        Assert.All(units, u => Assert.Null(u.FramingError));
    }

    [Fact]
    public void An_archive_larger_than_the_read_window_gives_every_entry_including_one_larger_than_the_window()
    {
        // Stored entries keep their size: ~3 MB of small entries crosses the 1 MB window several times
        // (entries cut by a window's end), and one 1.5 MB entry is read past it.
        var entries = Enumerable.Range(0, 700).Select(i => (Name: $"{i}.xml", Size: 3000 + i, Level: CompressionLevel.NoCompression))
            .Append((Name: "big.xml", Size: 1_500_000, Level: CompressionLevel.NoCompression))
            .Append((Name: "last.xml", Size: 100, Level: CompressionLevel.Optimal))
            .ToList();
        using var tree = new TempTree();
        var path = tree.Write("large.zip", Archive(entries));
        Assert.True(new FileInfo(path).Length > 2 * Ingest.Sources.Zip.ZipWindow.DefaultCapacity);

        var streamed = ReadAll(UnitSources.For([path]));
        var deferred = ReadAll(UnitSources.For([path], s_deferred));

        Assert.Equal(702, deferred.Count);
        Assert.Equal(streamed, deferred);
    }

    [Theory]
    [InlineData(600_000, "cut short")]     // within the read window
    [InlineData(5_000_000, "cut short")]   // larger than the window: read directly
    [InlineData(-1, "no local header")]    // the directory points at no local header
    public void An_entry_the_archive_cannot_hold_is_a_unit_error_and_the_other_entries_still_come(int recordedSize, string error)
    {
        var bytes = Archive([("a.xml", 500, CompressionLevel.Optimal), ("b.xml", 500, CompressionLevel.NoCompression), ("c.xml", 500, CompressionLevel.Optimal)]);
        var central = CentralHeaderOffset(bytes, 1);
        if (recordedSize > 0)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 20), (uint)recordedSize);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 42), (uint)(DataOffset(bytes, 0) + 3));
        }
        using var tree = new TempTree();
        var path = tree.Write("damaged.zip", bytes);

        var units = ReadAll(UnitSources.For([path], s_deferred));

        Assert.Equal(3, units.Count);
        Assert.Null(units[0].FramingError);
        Assert.Contains(error, units[1].FramingError, StringComparison.Ordinal);
        Assert.Null(units[2].FramingError);
        Assert.Equal(ReadAll(UnitSources.For([tree.Write("good.zip", Archive([("c.xml", 500, CompressionLevel.Optimal)]))], s_deferred))[0].Payload, units[2].Payload);
    }

    [Property(MaxTest = 100)]
    public Property The_read_window_returns_the_file_bytes_at_any_offset_cut_at_the_end_of_the_file()
    {
        var requests = Gen.Choose(0, 5000).Zip(Gen.Choose(0, 64));
        var cases = Gen.Choose(0, 4000).Zip(Gen.Choose(1, 64)).Zip(Gen.ListOf(requests));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ((length, capacity), reads) = c;
            var content = new byte[length];
            new Random(length).NextBytes(content);
            using var tree = new TempTree();
            var path = tree.Write("f.bin", content);
            using var file = File.OpenHandle(path);
            using var window = new Ingest.Sources.Zip.ZipWindow(file, capacity);
            foreach (var (offset, count) in reads)
            {
                var n = Math.Min(count, capacity);
                var expected = offset >= length ? [] : content.AsSpan(offset, Math.Min(n, length - offset)).ToArray();
                Assert.Equal(expected, window.Get(offset, n).ToArray());
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_damaged_entry_is_a_unit_error_whether_or_not_inflation_is_deferred(bool deferred)
    {
        using var tree = new TempTree();
        var bytes = Archive([("first.xml", 2000, CompressionLevel.Optimal), ("second.xml", 2000, CompressionLevel.Optimal)]);
        bytes[DataOffset(bytes, 0) + 40] ^= 0x5A;
        var path = tree.Write("batch.zip", bytes);

        var units = ReadAll(UnitSources.For([path], deferred ? s_deferred : null));

        Assert.Equal(2, units.Count);
        Assert.Matches("not valid deflate data|CRC-32|expands", units[0].FramingError!);
        Assert.Null(units[1].FramingError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_changed_byte_in_a_stored_entry_fails_its_CRC(bool deferred)
    {
        using var tree = new TempTree();
        var bytes = Archive([("stored.xml", 600, CompressionLevel.NoCompression), ("fine.xml", 600, CompressionLevel.NoCompression)]);
        bytes[DataOffset(bytes, 0) + 30] ^= 0x01;
        var path = tree.Write("batch.zip", bytes);

        var units = ReadAll(UnitSources.For([path], deferred ? s_deferred : null));

        Assert.Equal(2, units.Count);
        Assert.StartsWith("zip entry CRC-32 is ", units[0].FramingError, StringComparison.Ordinal);
        Assert.Null(units[1].FramingError);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_named_zip_that_is_no_archive_is_one_unit_error_and_the_next_path_still_reads(bool deferred)
    {
        using var tree = new TempTree();
        var bad = tree.Write("not-a.zip", "<A002>this is no archive</A002>");
        var next = tree.Write("next.xml", "<doc/>");

        AssertOneArchiveErrorThenTheNextPath(bad, next, deferred);
    }

    /// <summary>An empty entry still deflated (as Python's zipfile writes it): a two-byte final block expanding to nothing.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_empty_deflated_entry_is_an_empty_unit_and_an_empty_seds_entry_no_unit(bool deferred)
    {
        Assert.Null(Ingest.Sources.Zip.NativeInflater.Inflate([0x03, 0x00], Span<byte>.Empty));
        using var tree = new TempTree();
        var path = tree.Write("batch.zip", StoredOrDeflated([("empty.xml", [0x03, 0x00]), ("empty.seds", [0x03, 0x00]), ("next.xml", null)]));

        var units = ReadAll(UnitSources.For([path], deferred ? s_deferred : null));

        Assert.Equal([(path + "!empty.xml", "", (string?)null), (path + "!next.xml", "<doc/>", null)], units);
    }

    /// <summary>A central directory that says more entries than it holds: the archive's one error unit, and the next path still reads.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_archive_whose_directory_miscounts_its_entries_is_one_unit_error_and_the_next_path_still_reads(bool deferred)
    {
        using var tree = new TempTree();
        var bytes = Archive([("a.xml", 300, CompressionLevel.Optimal), ("b.xml", 300, CompressionLevel.Optimal)]);
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), 3);
        var bad = tree.Write("count.zip", bytes);
        var next = tree.Write("next.xml", "<doc/>");

        AssertOneArchiveErrorThenTheNextPath(bad, next, deferred);
    }

    /// <summary>
    /// A zip written by hand: each entry deflated from the given bytes (method 8, sizes and CRC of an
    /// empty file), or stored as "&lt;doc/&gt;" when null.
    /// </summary>
    private static byte[] StoredOrDeflated(IEnumerable<(string Name, byte[]? Deflated)> entries)
    {
        using var ms = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        foreach (var (name, deflated) in entries)
        {
            var stored = "<doc/>"u8.ToArray();
            var data = deflated ?? stored;
            var method = (ushort)(deflated is null ? 0 : 8);
            var crc = deflated is null ? System.IO.Hashing.Crc32.HashToUInt32(stored) : 0u;
            var size = deflated is null ? stored.Length : 0;
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var offset = (uint)ms.Position;
            Header(ms, 0x04034b50, central: false, method, crc, data.Length, size, nameBytes, 0);
            ms.Write(nameBytes);
            ms.Write(data);
            Header(central, 0x02014b50, central: true, method, crc, data.Length, size, nameBytes, offset);
            central.Write(nameBytes);
            count++;
        }
        var directoryOffset = (uint)ms.Position;
        central.Position = 0;
        central.CopyTo(ms);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), directoryOffset);
        ms.Write(end);
        return ms.ToArray();
    }

    private static void Header(Stream to, uint signature, bool central, ushort method, uint crc, int compressed, int size, byte[] name, uint offset)
    {
        var h = new byte[central ? 46 : 30];
        BinaryPrimitives.WriteUInt32LittleEndian(h, signature);
        var at = central ? 6 : 4; // the central header has "version made by" first
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at + 4), method);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 10), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 14), (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at + 18), (uint)size);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(at + 22), (ushort)name.Length);
        if (central)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(42), offset);
        }
        to.Write(h);
    }

    private static void AssertOneArchiveErrorThenTheNextPath(string bad, string next, bool deferred)
    {
        var units = ReadAll(UnitSources.For([bad, next], deferred ? s_deferred : null));

        Assert.Equal(2, units.Count);
        Assert.Equal(bad, units[0].Name);
        Assert.StartsWith("zip archive is unreadable: ", units[0].FramingError, StringComparison.Ordinal);
        Assert.Equal((next, "<doc/>", (string?)null), units[1]);
    }

    private static List<(string Name, string Payload, string? FramingError)> ReadAll(IUnitSource source) =>
        ReadAllAsync(source).GetAwaiter().GetResult();

    private static async Task<List<(string Name, string Payload, string? FramingError)>> ReadAllAsync(IUnitSource source)
    {
        var list = new List<(string, string, string?)>();
        await foreach (var unit in source.ReadAsync(CancellationToken.None))
        {
            using var ready = UnitInflation.Inflate(unit);
            list.Add((ready.Id.ToString(), Encoding.UTF8.GetString(ready.Payload.ToArray()), ready.FramingError));
        }
        return list;
    }

    private static byte[] Archive(IEnumerable<(string Name, int Size, CompressionLevel Level)> entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, size, level) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(name.EndsWith(".seds", StringComparison.Ordinal) ? Frames(size) : Document(name, size));
            }
        }
        return ms.ToArray();
    }

    /// <summary>Text that compresses like XML, with some incompressible bytes.</summary>
    private static byte[] Document(string name, int size)
    {
        if (name.EndsWith("empty.xml", StringComparison.Ordinal))
        {
            return [];
        }
        var random = new Random(size);
        var sb = new StringBuilder("<doc>");
        while (sb.Length < size)
        {
            sb.Append("<v>").Append(random.Next()).Append("é</v>");
        }
        return Encoding.UTF8.GetBytes(sb.Append("</doc>").ToString());
    }

    private static byte[] Frames(int size)
    {
        var sb = new StringBuilder();
        for (var i = 0; i <= size % 4; i++)
        {
            var doc = $"<f{i}>{size}</f{i}>";
            sb.Append("#SED ").Append(Encoding.UTF8.GetByteCount(doc)).Append('\n').Append(doc).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static int CentralHeaderOffset(byte[] zip, int index)
    {
        var at = zip.Length - 22;
        at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 16));
        for (var i = 0; i < index; i++)
        {
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));
        }
        return at;
    }

    private static int DataOffset(byte[] zip, int index)
    {
        var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(CentralHeaderOffset(zip, index) + 42));
        return local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28));
    }
}
