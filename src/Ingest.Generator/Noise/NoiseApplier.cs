using System.Runtime.CompilerServices;
using System.Text;
using Ingest.Core.Seds;
using Ingest.Generator.Population;

namespace Ingest.Generator.Noise;

/// <summary>
/// Alters a SED's values the way senders do (DOMAIN.md §4) before it is rendered, so that the record
/// always holds exactly what the XML says. Semantics never change: the truth stays valid.
/// </summary>
public sealed class NoiseApplier(NoiseProfile profile)
{
    private static readonly char[] s_separators = [' ', '.', '-', '/'];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(SedRecord sed, DetRandom rng)
    {
        var p = sed.Person;
        if (p.FamilyName is null)
        {
            return;
        }
        if (rng.Chance(profile.BirthNameUsed) && p.FamilyNameAtBirth is { } birthName)
        {
            p.FamilyName = birthName;
        }
        if (rng.Chance(profile.AsciiFold))
        {
            p.FamilyName = NameFolding.Fold(p.FamilyName);
            p.Forename = p.Forename is null ? null : NameFolding.Fold(p.Forename);
            p.FamilyNameAtBirth = p.FamilyNameAtBirth is null ? null : NameFolding.Fold(p.FamilyNameAtBirth);
        }
        if (rng.Chance(profile.Typo))
        {
            p.FamilyName = Typo(p.FamilyName, rng);
        }
        if (rng.Chance(profile.SwapNames) && p.Forename is not null)
        {
            (p.FamilyName, p.Forename) = (p.Forename, p.FamilyName);
        }
        if (p.Pins.Count > 0 && rng.Chance(profile.MissingPin))
        {
            p.Pins.Clear();
        }
        foreach (var pin in p.Pins)
        {
            if (pin.Number is { Length: > 4 } n && rng.Chance(profile.PinFormatting))
            {
                pin.Number = PinNoise.Group(n.Replace("/", "", StringComparison.Ordinal), s_separators[rng.Next(s_separators.Length)], 2 + rng.Next(3));
            }
        }
        if (rng.Chance(profile.IsoCountry))
        {
            for (var i = 0; i < p.Nationalities.Count; i++)
            {
                p.Nationalities[i] = Iso(p.Nationalities[i]);
            }
            foreach (var a in sed.Addresses)
            {
                a.Country = a.Country is null ? null : Iso(a.Country);
            }
        }
        if (rng.Chance(profile.DateTimeForDate))
        {
            if (rng.Chance(0.5))
            {
                p.DateBirth += "T00:00:00";
            }
            else if (sed.Decision.PeriodStart is { Length: 10 })
            {
                sed.Decision.PeriodStart += "T00:00:00+01:00";
            }
        }
    }

    private static string Iso(string code) => code switch
    {
        "EL" => "GR",
        "UK" => "GB",
        _ => code,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Typo(string name, DetRandom rng)
    {
        if (name.Length < 4)
        {
            return name;
        }
        var sb = new StringBuilder(name);
        var i = rng.Next(1, name.Length - 1);
        switch (rng.Next(3))
        {
            case 0:
                (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                break;
            case 1:
                sb.Remove(i, 1);
                break;
            default:
                sb.Insert(i, sb[i]);
                break;
        }
        return sb.ToString();
    }
}
