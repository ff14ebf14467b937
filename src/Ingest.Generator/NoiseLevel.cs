namespace Ingest.Generator;

public enum NoiseLevel : byte
{
    None,
    Default,
    Hard,
}
