using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Seds;
using Ingest.Matching.Rules;

namespace Ingest.Tests.Matching;

/// <summary>POST-07's domiciliation markers: the one-scan screen never changes which marker is reported.</summary>
public class DomiciliationTests
{
    private static readonly string[] Markers =
    [
        "c/o ", "c/o,", "care of", "business centre", "business center", "domiciliation", "domiciliación", "domiciliazione",
        "virtual office", "geschäftszentrum", "centrum biznesowe", "biuro wirtualne",
    ];

    /// <summary>The rule's definition: the first marker of the list that either part holds, ignoring case.</summary>
    private static string? Plain(AddressEntry a)
    {
        foreach (var part in new[] { a.Street, a.BuildingName })
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }
            foreach (var m in Markers)
            {
                if (part.Contains(m, StringComparison.OrdinalIgnoreCase))
                {
                    return m.TrimEnd(' ', ',');
                }
            }
        }
        return null;
    }

    [Property(MaxTest = 500)]
    public Property Reports_what_the_plain_search_reports()
    {
        // Streets built from markers (in any case, sometimes cut short) and ordinary words.
        var piece = Gen.OneOf(
            Gen.Elements(Markers).Zip(Gen.Choose(0, 3)).Select(t => t.Item2 switch
            {
                0 => t.Item1.ToUpperInvariant(),
                1 => t.Item1[..^1],
                _ => t.Item1,
            }),
            Gen.Elements("ul. Długa 5", "Rue de la Paix", "Business Park", "care", "c/o", "CENTRE", " ", ", ", "Geschäft"));
        var part = piece.ListOf().Select(p => p.Count == 0 ? null : string.Concat(p));
        return Prop.ForAll(part.Zip(part).ToArbitrary(), t =>
        {
            var address = new AddressEntry { Street = t.Item1, BuildingName = t.Item2 };
            Assert.Equal(Plain(address), RuleFacts.Domiciliation(address));
        });
    }
}
