using System.IO.Compression;
using Ingest.Core.Reference;
using Ingest.Generator;
using Ingest.Generator.Output;
using Ingest.Generator.Truth;

namespace Ingest.Tests.Generator;

public sealed class TruthConsistencyTests
{
    [Fact]
    public void Every_unit_has_one_truth_line_and_every_reference_it_names_exists()
    {
        var root = Directory.CreateTempSubdirectory("gen-truth-");
        try
        {
            var options = new GeneratorOptions { Seds = 2500, Seed = 3, Noise = NoiseLevel.Hard, InjectionShare = 0.2 };
            var summary = CorpusOutput.Write(options, root.FullName, OutputLayout.Zip | OutputLayout.Files | OutputLayout.Frames);
            var truth = TruthJsonl.Read(Path.Combine(root.FullName, TruthJsonl.FileName)).ToList();
            Assert.Equal(2500, truth.Count);
            Assert.Equal(2500, summary.Seds);
            // The manifest's counts are tallied while the corpus streams: they must be the truth's.
            Assert.Equal(truth.Count(t => t.Malformed), summary.Malformed);
            Assert.Equal(truth.Count(t => t.DuplicateDelivery), summary.Duplicates);
            Assert.Equal(Tally(truth.Select(t => t.SedType)), summary.ByType);
            Assert.Equal(Tally(truth.Select(t => t.CdmVersion)), summary.ByCdm);
            Assert.Equal(Tally(truth.SelectMany(t => t.Rules)), summary.RulePositives);
            Assert.Equal(Tally(truth.SelectMany(t => t.NearMisses)), summary.RuleNearMisses);
            Assert.Equal(truth.Count, truth.Select(t => t.Unit).Distinct().Count());

            var zipUnits = new HashSet<string>(StringComparer.Ordinal);
            foreach (var zipPath in Directory.GetFiles(Path.Combine(root.FullName, "zip"), "*.zip"))
            {
                using var zip = ZipFile.OpenRead(zipPath);
                foreach (var entry in zip.Entries)
                {
                    zipUnits.Add("zip/" + Path.GetFileName(zipPath) + "!" + entry.FullName);
                }
            }
            Assert.True(zipUnits.SetEquals(truth.Select(t => t.Unit)));
            var files = Directory.GetFiles(Path.Combine(root.FullName, "files"), "*.xml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root.FullName, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            Assert.True(files.SetEquals(truth.Select(t => t.File)));
            Assert.All(truth, t => Assert.NotNull(t.Frame));

            var a1 = ReferenceJsonl.ReadA1(Path.Combine(root.FullName, "reference", ReferenceJsonl.A1FileName)).ToList();
            var declarations = ReferenceJsonl.ReadDeclarations(Path.Combine(root.FullName, "reference", ReferenceJsonl.DeclarationsFileName)).ToList();
            Assert.Equal(options.EffectiveA1Count, a1.Count);
            Assert.Equal(options.EffectiveDeclarationCount, declarations.Count);
            Assert.Equal(a1.Count, a1.Select(a => a.DocumentNumber).Distinct().Count());
            Assert.Equal(declarations.Count, declarations.Select(d => d.DeclarationId).Distinct().Count());
            var a1Numbers = a1.Select(a => a.DocumentNumber).ToHashSet();
            var declIds = declarations.Select(d => d.DeclarationId).ToHashSet();
            Assert.All(truth.Where(t => t.ExpectedA1 is not null), t => Assert.Contains(t.ExpectedA1!, a1Numbers));
            Assert.All(truth.Where(t => t.ExpectedDeclaration is not null), t => Assert.Contains(t.ExpectedDeclaration!, declIds));
            Assert.Contains(a1, a => a.Issuer.StartsWith("FR:", StringComparison.Ordinal));
            Assert.Contains(a1, a => !a.Issuer.StartsWith("FR:", StringComparison.Ordinal));
            Assert.Contains(truth, t => t.Invalidated);
            Assert.Contains(truth, t => t.Superseded);
            Assert.True(File.Exists(Path.Combine(root.FullName, CorpusOutput.ManifestFileName)));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static SortedDictionary<string, long> Tally(IEnumerable<string> keys) =>
        new(keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
}
