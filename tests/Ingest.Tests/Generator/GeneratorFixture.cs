using Ingest.Generator;

namespace Ingest.Tests.Generator;

/// <summary>Corpora shared by the generator tests, generated once per test run.</summary>
public static class GeneratorFixture
{
    private static readonly Lazy<List<GeneratedSed>> s_clean = new(() =>
        new CorpusGenerator(new GeneratorOptions { Seds = 20_000, Seed = 11, Noise = NoiseLevel.None }).Generate().ToList());

    private static readonly Lazy<(List<GeneratedSed> Seds, string[] Rules)> s_injected = new(() =>
    {
        var g = new CorpusGenerator(new GeneratorOptions { Seds = 30_000, Seed = 12, Noise = NoiseLevel.Default, InjectionShare = 0.25 });
        return (g.Generate().ToList(), g.InjectableRules.Distinct().ToArray());
    });

    /// <summary>20 000 SEDs without noise.</summary>
    public static List<GeneratedSed> Clean => s_clean.Value;

    /// <summary>30 000 SEDs with default noise and a quarter of the dossiers injected.</summary>
    public static (List<GeneratedSed> Seds, string[] Rules) Injected => s_injected.Value;
}
