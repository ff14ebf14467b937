using Ingest.Generator;
using Ingest.Generator.Output;

namespace Ingest.Tests.Generator;

public sealed class DeterminismTests
{
    private static List<GeneratedSed> Run(ulong seed, NoiseLevel noise = NoiseLevel.Hard) =>
        new CorpusGenerator(new GeneratorOptions { Seds = 3000, Seed = seed, Noise = noise }).Generate().ToList();

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_truth()
    {
        var a = Run(42);
        var b = Run(42);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(a[i].Bytes.AsSpan().SequenceEqual(b[i].Bytes), a[i].EntryName);
            Assert.Equal(a[i].Truth with { Rules = [], NearMisses = [] }, b[i].Truth with { Rules = [], NearMisses = [] });
            Assert.Equal(a[i].Truth.Rules, b[i].Truth.Rules);
        }
    }

    [Fact]
    public void Different_seeds_give_different_corpora()
    {
        var a = Run(42);
        var b = Run(43);
        Assert.Equal(3000, a.Count);
        Assert.Equal(3000, b.Count);
        Assert.NotEqual(a[0].Truth.DocumentId, b[0].Truth.DocumentId);
        Assert.True(a.Zip(b).Count(p => p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes)) < 10);
    }

    [Fact]
    public void Corpus_folder_is_byte_identical_for_a_seed()
    {
        var root = Directory.CreateTempSubdirectory("gen-det-");
        try
        {
            var options = new GeneratorOptions { Seds = 400, Seed = 9, A1Count = 500, DeclarationCount = 450 };
            CorpusOutput.Write(options, Path.Combine(root.FullName, "a"), OutputLayout.Zip | OutputLayout.Files | OutputLayout.Frames);
            CorpusOutput.Write(options, Path.Combine(root.FullName, "b"), OutputLayout.Zip | OutputLayout.Files | OutputLayout.Frames);
            var filesA = Directory.GetFiles(Path.Combine(root.FullName, "a"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(root.FullName, "a"), f)).Order(StringComparer.Ordinal).ToArray();
            var filesB = Directory.GetFiles(Path.Combine(root.FullName, "b"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(root.FullName, "b"), f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(filesA, filesB);
            Assert.Contains(filesA, f => f.EndsWith(".zip", StringComparison.Ordinal));
            foreach (var f in filesA)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(root.FullName, "a", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root.FullName, "b", f))), f);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_noise_means_no_malformed_and_no_duplicates()
    {
        var seds = Run(5, NoiseLevel.None);
        Assert.DoesNotContain(seds, s => s.Truth.Malformed || s.Truth.DuplicateDelivery);
        var hard = Run(5, NoiseLevel.Hard);
        Assert.Contains(hard, s => s.Truth.Malformed);
        Assert.Contains(hard, s => s.Truth.DuplicateDelivery);
    }
}
