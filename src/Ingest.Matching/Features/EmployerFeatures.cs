using Ingest.Core.Seds;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Features;

/// <summary>One employer or self-employed activity of a SED, normalised.</summary>
internal sealed class EmployerFeatures
{
    public required EmployerRole Role { get; init; }
    public required NormalizedName Name { get; init; }
    /// <summary>Normalised id keys (SIREN for French ids).</summary>
    public required string[] IdKeys { get; init; }
    public required string? Country { get; init; }
    public required bool Marginal { get; init; }
}
