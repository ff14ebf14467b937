namespace Ingest.Generator.Population.Pins;

/// <summary>One country's personal identification number: canonical form as the issuing country writes it.</summary>
public interface IPinFormat
{
    /// <summary>SED country code (EL for Greece).</summary>
    string Country { get; }

    /// <summary>True when the format carries a check digit or key that <see cref="IsValid"/> verifies.</summary>
    bool HasCheck { get; }

    string Generate(PinSubject s, DetRandom rng);

    bool IsValid(string pin);
}
