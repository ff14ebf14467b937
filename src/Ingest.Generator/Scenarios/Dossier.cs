using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios;

/// <summary>The story of one worker (or one site): one or more cases, generated from its own random stream.</summary>
public sealed class Dossier
{
    public required long Index { get; init; }
    public List<Episode> Episodes { get; } = [];
    public List<Person> Persons { get; } = [];
}
