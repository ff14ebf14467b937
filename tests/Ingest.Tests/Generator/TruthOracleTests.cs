namespace Ingest.Tests.Generator;

/// <summary>What the truth expects where several SEDs meet: only what the engine can see, in the order it sees it.</summary>
public sealed class TruthOracleTests
{
    [Fact]
    public void A_placeholder_person_expects_no_match_and_no_comparison_with_the_register()
    {
        var (seds, _) = GeneratorFixture.Injected;
        var placeholders = seds.Where(s => s.Truth.Rules.Contains("STR-10")).ToList();
        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, s =>
        {
            Assert.Null(s.Truth.ExpectedA1);
            Assert.Null(s.Truth.ExpectedDeclaration);
            Assert.DoesNotContain("ID-03", s.Truth.Rules);
            Assert.DoesNotContain("ID-07", s.Truth.Rules);
        });
    }

    [Fact]
    public void A_change_between_versions_is_expected_on_the_version_received_second()
    {
        var (seds, _) = GeneratorFixture.Injected;
        var wellFormed = seds.Where(s => !s.Truth.Malformed && !s.Truth.DuplicateDelivery).ToList();
        var byDocument = wellFormed.ToLookup(s => s.Truth.DocumentId);
        var changes = wellFormed.Where(s => s.Truth.Rules.Contains("LIFE-06")).ToList();
        Assert.Contains(changes, s => s.Truth.Version == 1);
        Assert.Contains(changes, s => s.Truth.Version == 2);
        Assert.All(changes, s =>
        {
            var other = Assert.Single(byDocument[s.Truth.DocumentId], o => o.Truth.Version != s.Truth.Version);
            Assert.True(string.CompareOrdinal(other.Truth.Day, s.Truth.Day) < 0, $"{s.Truth.Unit} received before {other.Truth.Unit}");
        });
    }

    [Fact]
    public void Decisions_without_a_pin_expect_id_01_whatever_their_type()
    {
        var (seds, _) = GeneratorFixture.Injected;
        var decisions = seds.Where(s => !s.Truth.Malformed && s.Record.SedType is "A003" or "A009" or "A010" && s.Record.Person.Pins.Count == 0).ToList();
        Assert.Contains(decisions, s => s.Record.SedType == "A003");
        Assert.All(decisions, s => Assert.Contains("ID-01", s.Truth.Rules));
        Assert.DoesNotContain(seds, s => s.Record.SedType.StartsWith('X') && s.Truth.Rules.Contains("ID-01"));
    }

    [Fact]
    public void An_x_sed_whose_case_has_no_well_formed_a_sed_before_it_expects_str_09()
    {
        var (seds, _) = GeneratorFixture.Injected;
        var cases = seds.ToLookup(s => s.Truth.CaseId);
        foreach (var x in seds.Where(s => s.Record.SedType.StartsWith('X') && !s.Truth.Malformed))
        {
            var aSedBefore = cases[x.Truth.CaseId].Any(o => o.Record.SedType.StartsWith('A') && !o.Truth.Malformed && string.CompareOrdinal(o.Truth.Day, x.Truth.Day) < 0);
            if (!aSedBefore && cases[x.Truth.CaseId].All(o => !o.Record.SedType.StartsWith('A') || !string.Equals(o.Truth.Day, x.Truth.Day, StringComparison.Ordinal)))
            {
                Assert.Contains("STR-09", x.Truth.Rules);
            }
            if (aSedBefore)
            {
                Assert.DoesNotContain("STR-09", x.Truth.Rules);
            }
        }
    }
}
