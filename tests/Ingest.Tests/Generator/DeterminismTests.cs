using Ingest.Core.Reference;
using Ingest.Generator;
using Ingest.Generator.Output;
using Ingest.Generator.Truth;

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

    /// <summary>
    /// Workers build dossiers speculatively; small reference counts make the caps bind mid-corpus, so
    /// adopted and rebuilt dossiers both occur. Every thread count must give the sequential generator's output.
    /// </summary>
    [Fact]
    public void Corpus_folder_is_the_same_whatever_the_parallelism_and_matches_the_sequential_generator()
    {
        var root = Directory.CreateTempSubdirectory("gen-par-");
        try
        {
            var options = new GeneratorOptions { Seds = 1500, Seed = 21, Noise = NoiseLevel.Hard, A1Count = 700, DeclarationCount = 500 };
            string[]? reference = null;
            foreach (var threads in new[] { 1, 2, 3, 2 })
            {
                options.Parallelism = threads;
                var dir = Path.Combine(root.FullName, threads + "-" + Guid.NewGuid().ToString("N"));
                CorpusOutput.Write(options, dir, OutputLayout.Zip | OutputLayout.Frames);
                var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
                var digest = files.Select(f => Path.GetRelativePath(dir, f) + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).ToArray();
                reference ??= digest;
                Assert.Equal(reference, digest);
            }

            var dirOne = Directory.GetDirectories(root.FullName).Order(StringComparer.Ordinal).First();
            var generator = new CorpusGenerator(options);
            var dossiers = generator.GenerateDossiers().ToList();
            var expected = dossiers.SelectMany(d => d.Seds).Select(s => s.Truth).ToList();
            var written = TruthJsonl.Read(Path.Combine(dirOne, TruthJsonl.FileName)).ToList();
            Assert.Equal(expected.Count, written.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i] with { Rules = [], NearMisses = [] }, written[i] with { Rules = [], NearMisses = [], Frame = null });
                Assert.Equal(expected[i].Rules, written[i].Rules);
                Assert.Equal(expected[i].NearMisses, written[i].NearMisses);
            }
            var a1s = ReferenceJsonl.ReadA1(Path.Combine(dirOne, "reference", ReferenceJsonl.A1FileName)).Select(a => a.DocumentNumber).ToList();
            var declarations = ReferenceJsonl.ReadDeclarations(Path.Combine(dirOne, "reference", ReferenceJsonl.DeclarationsFileName)).Select(d => d.DeclarationId).ToList();
            Assert.Equal(700, a1s.Count);
            Assert.Equal(500, declarations.Count);
            Assert.Equal(dossiers.SelectMany(d => d.A1s).Select(a => a.DocumentNumber), a1s.Take(generator.A1sEmitted));
            Assert.Equal(dossiers.SelectMany(d => d.Declarations).Select(d => d.DeclarationId), declarations.Take(generator.DeclarationsEmitted));
            // The caps did bind: the dossiers could not all get what they wanted.
            Assert.Equal(500, generator.DeclarationsEmitted);
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
