namespace Ingest.Generator.Noise;

/// <summary>Probabilities of each kind of noise, per SED (or per document for versions).</summary>
public sealed record NoiseProfile
{
    public double Typo { get; init; }
    public double AsciiFold { get; init; }
    public double SwapNames { get; init; }
    public double BirthNameUsed { get; init; }
    public double MissingPin { get; init; }
    public double PinFormatting { get; init; }
    public double IsoCountry { get; init; }
    public double DateTimeForDate { get; init; }
    public double Duplicate { get; init; }
    public double OutOfOrderVersions { get; init; }
    public double Malformed { get; init; }

    public static NoiseProfile For(NoiseLevel level) => level switch
    {
        NoiseLevel.None => new NoiseProfile(),
        NoiseLevel.Hard => new NoiseProfile
        {
            Typo = 0.06, AsciiFold = 0.25, SwapNames = 0.03, BirthNameUsed = 0.03, MissingPin = 0.08, PinFormatting = 0.2,
            IsoCountry = 0.04, DateTimeForDate = 0.04, Duplicate = 0.015, OutOfOrderVersions = 0.6, Malformed = 0.01,
        },
        _ => new NoiseProfile
        {
            Typo = 0.02, AsciiFold = 0.10, SwapNames = 0.01, BirthNameUsed = 0.01, MissingPin = 0.03, PinFormatting = 0.08,
            IsoCountry = 0.01, DateTimeForDate = 0.01, Duplicate = 0.005, OutOfOrderVersions = 0.3, Malformed = 0.002,
        },
    };
}
