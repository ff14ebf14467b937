namespace Ingest.Tests.Generator;

public sealed class RuleCoverageTests
{
    [Fact]
    public void Every_injectable_rule_has_a_positive_and_a_near_miss()
    {
        var (seds, rules) = GeneratorFixture.Injected;
        Assert.True(rules.Length >= 40, $"{rules.Length} injectable rules");
        var positives = seds.SelectMany(s => s.Truth.Rules).ToHashSet();
        var nearMisses = seds.SelectMany(s => s.Truth.NearMisses).ToHashSet();
        Assert.Equal("", string.Join(",", rules.Where(r => !positives.Contains(r))));
        Assert.Equal("", string.Join(",", rules.Where(r => !nearMisses.Contains(r))));
    }

    [Fact]
    public void A_near_miss_never_fires_on_its_own_sed()
    {
        var (seds, _) = GeneratorFixture.Injected;
        Assert.DoesNotContain(seds, s => s.Truth.NearMisses.Any(s.Truth.Rules.Contains));
    }

    [Fact]
    public void Malformed_and_duplicate_units_carry_their_structural_rules()
    {
        var (seds, _) = GeneratorFixture.Injected;
        Assert.All(seds.Where(s => s.Truth.Malformed), s => Assert.Equal(["STR-01"], s.Truth.Rules));
        // A redelivery of a broken unit is the first one the engine ingests: no STR-08 then.
        var broken = seds.Where(s => s.Truth.Malformed).Select(s => (s.Truth.CaseId, s.Truth.DocumentId, s.Truth.Version)).ToHashSet();
        Assert.All(seds.Where(s => s.Truth.DuplicateDelivery), s =>
            Assert.Equal(!broken.Contains((s.Truth.CaseId, s.Truth.DocumentId, s.Truth.Version)), s.Truth.Rules.Contains("STR-08")));
        Assert.All(seds.Where(s => s.Truth.Malformed), s =>
            Assert.ThrowsAny<System.Xml.XmlException>(() => System.Xml.Linq.XDocument.Load(new MemoryStream(s.Bytes))));
    }

    [Fact]
    public void Well_formed_units_parse_and_escape_correctly()
    {
        var (seds, _) = GeneratorFixture.Injected;
        foreach (var s in seds.Where(s => !s.Truth.Malformed).Take(3000))
        {
            var doc = System.Xml.Linq.XDocument.Load(new MemoryStream(s.Bytes));
            var family = doc.Descendants("familyName").FirstOrDefault()?.Value;
            Assert.Equal(s.Record.Person.FamilyName, family);
            var info = doc.Descendants("additionalInformation").FirstOrDefault()?.Value;
            Assert.Equal(s.Record.AdditionalInformation, info);
        }
    }
}
