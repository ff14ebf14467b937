using Ingest.Core.Reference;
using Ingest.Generator;
using Ingest.Generator.Reference;

namespace Ingest.Tests.Matching;

/// <summary>
/// A generated corpus in memory: the dossiers' SEDs (in generation order) and the reference register a
/// run would load — the dossiers' A1s and declarations topped up with background records to the
/// options' counts, as the generate verb writes them.
/// </summary>
internal sealed record GeneratedRegister(List<A1Certificate> A1s, List<PostingDeclaration> Declarations, List<GeneratedSed> Seds)
{
    public static GeneratedRegister Make(GeneratorOptions options)
    {
        var generator = new CorpusGenerator(options);
        var dossiers = generator.GenerateDossiers().ToList();
        var background = new BackgroundReference(options);
        var a1s = dossiers.SelectMany(d => d.A1s).Concat(background.A1s(Math.Max(0, options.EffectiveA1Count - generator.A1sEmitted))).ToList();
        var declarations = dossiers.SelectMany(d => d.Declarations)
            .Concat(background.Declarations(Math.Max(0, options.EffectiveDeclarationCount - generator.DeclarationsEmitted))).ToList();
        return new GeneratedRegister(a1s, declarations, dossiers.SelectMany(d => d.Seds).ToList());
    }
}
