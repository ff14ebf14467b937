using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Generator;
using Ingest.Generator.Output;

namespace Ingest.Tests.Generator;

public sealed class ZipContainerTests
{
    private static byte[] Inflate(byte[] deflated)
    {
        using var inflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    [Property(MaxTest = 300)]
    public bool Fixed_huffman_deflate_round_trips_random_bytes(byte[] data) =>
        Inflate(new FixedHuffmanDeflater().Deflate(data)).AsSpan().SequenceEqual(data);

    [Property(MaxTest = 200)]
    public Property Fixed_huffman_deflate_round_trips_repetitive_data() =>
        Prop.ForAll(
            Gen.Choose(1, 300).SelectMany(period => Gen.Choose(0, 70_000).Select(length => (period, length))).ToArbitrary(),
            t =>
            {
                // Short periods give runs longer than a match (258), long inputs distances near the 32 KiB window.
                var data = new byte[t.length];
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)((i % t.period) * 7 + (i / 40_000));
                }
                return Inflate(new FixedHuffmanDeflater().Deflate(data)).AsSpan().SequenceEqual(data);
            });

    /// <summary>Entries appended one after the other to a block buffer that starts tiny and grows: earlier entries must survive each move.</summary>
    [Property(MaxTest = 100)]
    public bool Entries_deflated_into_a_growing_block_buffer_round_trip(byte[][] entries)
    {
        var buffer = new BlockBuffer(16);
        try
        {
            var ranges = new List<(int At, int Length, uint Crc)>();
            foreach (var e in entries)
            {
                var at = buffer.WrittenCount;
                var (length, crc) = EntryDeflater.Deflate(e, buffer);
                ranges.Add((at, length, crc));
            }
            for (var i = 0; i < entries.Length; i++)
            {
                var (at, length, crc) = ranges[i];
                if (crc != System.IO.Hashing.Crc32.HashToUInt32(entries[i])
                    || !Inflate(buffer.Slice(at, length).ToArray()).AsSpan().SequenceEqual(entries[i]))
                {
                    return false;
                }
            }
            return true;
        }
        finally
        {
            buffer.Release();
        }
    }

    [Fact]
    public void One_deflater_reused_across_entries_stays_independent_per_entry()
    {
        var deflater = new FixedHuffmanDeflater();
        var seds = new CorpusGenerator(new GeneratorOptions { Seds = 300, Seed = 4 }).Generate().ToList();
        var sizes = 0L;
        foreach (var s in seds)
        {
            var deflated = deflater.Deflate(s.Bytes);
            sizes += deflated.Length;
            Assert.True(Inflate(deflated).AsSpan().SequenceEqual(s.Bytes), s.EntryName);
        }
        // XML compresses well: fixed codes should stay below half the size.
        Assert.True(sizes < seds.Sum(s => (long)s.Bytes.Length) / 2);
    }

    [Fact]
    public void Written_zip_is_read_back_by_ZipArchive_with_contents_crc_and_timestamp()
    {
        var path = Path.Combine(Path.GetTempPath(), "gen-zip-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            var seds = new CorpusGenerator(new GeneratorOptions { Seds = 200, Seed = 5, Noise = NoiseLevel.Hard }).Generate().ToList();
            using (var writer = new DeterministicZipWriter(path, new DateTime(2025, 3, 1, 6, 0, 0)))
            {
                foreach (var s in seds)
                {
                    writer.Add(s.EntryName, EntryDeflater.Deflate(s.Bytes));
                }
                writer.Add("ünïcode-name.xml", EntryDeflater.Deflate("<x/>"u8));
            }
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(seds.Count + 1, zip.Entries.Count);
            for (var i = 0; i < seds.Count; i++)
            {
                var entry = zip.Entries[i];
                Assert.Equal(seds[i].EntryName, entry.FullName);
                Assert.Equal(seds[i].Bytes.Length, entry.Length);
                Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(seds[i].Bytes), entry.Crc32);
                Assert.Equal(new DateTime(2025, 3, 1, 6, 0, 0), entry.LastWriteTime.DateTime);
                using var stream = entry.Open();
                var content = new MemoryStream();
                stream.CopyTo(content);
                Assert.True(content.ToArray().AsSpan().SequenceEqual(seds[i].Bytes), entry.FullName);
            }
            Assert.Equal("ünïcode-name.xml", zip.Entries[^1].FullName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
