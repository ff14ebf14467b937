namespace Ingest.Generator;

public sealed class GeneratorOptions
{
    /// <summary>Number of SED units to produce (every version and duplicate delivery counts).</summary>
    public int Seds { get; set; } = 1000;
    public ulong Seed { get; set; } = 1;
    public NoiseLevel Noise { get; set; } = NoiseLevel.Default;
    /// <summary>A1 certificates in the register; null = about 0.85 per SED.</summary>
    public int? A1Count { get; set; }
    /// <summary>Posting declarations; null = about 0.85 per SED.</summary>
    public int? DeclarationCount { get; set; }
    /// <summary>First day of the year of postings the corpus covers.</summary>
    public DateOnly StartDate { get; set; } = new(2025, 1, 1);
    public int Days { get; set; } = 365;
    /// <summary>Share of dossiers that receive an injected rule situation (half positive, half near-miss).</summary>
    public double InjectionShare { get; set; } = 0.06;
    public double ThirdCountryShare { get; set; } = 0.10;
    public double Cdm42Share { get; set; } = 0.04;
    public double Cdm43Share { get; set; } = 0.06;
    public string Receiver { get; set; } = "FR:URSSAF01";
    /// <summary>Threads generating and compressing for <see cref="Output.CorpusOutput"/>; 0 = one per core. Never changes the bytes.</summary>
    public int Parallelism { get; set; }

    public int EffectiveA1Count => A1Count ?? (int)(Seds * 0.85);
    public int EffectiveDeclarationCount => DeclarationCount ?? (int)(Seds * 0.85);
}
