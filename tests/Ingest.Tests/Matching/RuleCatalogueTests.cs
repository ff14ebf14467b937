using System.Text.RegularExpressions;
using Ingest.Core.Results;
using Ingest.Matching.Rules;

namespace Ingest.Tests.Matching;

public sealed class RuleCatalogueTests
{
    public static TheoryData<string> RuleIds => [.. RuleCatalogue.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Positive_case_fires(string id)
    {
        var result = RuleCases.All[id].Positive().Evaluate();
        Assert.Contains(result.Anomalies, a => a.RuleId == id && a.Reasons.Length > 0);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Negative_case_does_not_fire(string id)
    {
        var result = RuleCases.All[id].Negative().Evaluate();
        Assert.DoesNotContain(result.Anomalies, a => a.RuleId == id);
    }

    [Fact]
    public void Catalogue_has_at_least_50_rules_with_domain_ids_and_complete_entries()
    {
        var rules = RuleCatalogue.All;
        Assert.True(rules.Count >= 50, $"{rules.Count} rules");
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        foreach (var r in rules)
        {
            Assert.Matches(new Regex("^(STR-(0[1-9]|10)|ID-(0[1-9]|10)|PER-0[1-7]|LEG-(0[1-9]|1[0-4])|POST-(0[1-9]|1[0-5])|A13-0[1-6]|LIFE-0[1-7]|CERT-0[12])$"), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.LegalBasis));
            Assert.False(string.IsNullOrWhiteSpace(r.FollowUp));
            Assert.NotEmpty(r.Inputs);
            Assert.True(RuleCases.All.ContainsKey(r.Id), r.Id + " has no test case");
        }
    }

    [Fact]
    public void Default_world_is_conform_with_no_red_flag()
    {
        var result = Scenario.Of(TestData.A009()).Evaluate();
        Assert.False(result.RedFlag, string.Join("; ", result.Anomalies.Select(a => a.RuleId + " " + a.Reasons)));
        Assert.All(result.Matches, m => Assert.Equal(MatchStatus.Conform, m.Status));
        Assert.Null(result.ReviewEntry);
    }

    [Fact]
    public void X008_severity_depends_on_what_relied_on_the_target()
    {
        var relied = Scenario.Of(RuleCases.X008("A009", "2025-03-01")).After(TestData.A009()).Evaluate();
        Assert.Equal(Severity.Red, relied.Anomalies.Single(a => a.RuleId == "LIFE-01").Severity);
        var pending = Scenario.Of(RuleCases.X008("A009", "2025-03-01")).Evaluate();
        Assert.Equal(Severity.Low, pending.Anomalies.Single(a => a.RuleId == "LIFE-01").Severity);
    }
}
