using Ingest.Generator.Scenarios;

namespace Ingest.Tests.Generator;

/// <summary>DOMAIN.md §6 on 20 000 SEDs without noise; bands are the domain's ranges.</summary>
public sealed class MixAndDistributionTests
{
    private static double Share(Func<Ingest.Generator.GeneratedSed, bool> predicate) =>
        GeneratorFixture.Clean.Count(predicate) / (double)GeneratorFixture.Clean.Count;

    [Theory]
    [InlineData("A009", 0.55, 0.65)]
    [InlineData("A003", 0.15, 0.25)]
    [InlineData("A008", 0.03, 0.06)]
    [InlineData("A010", 0.01, 0.03)]
    [InlineData("A001|A002|A011", 0.01, 0.02)]
    [InlineData("A004|A012", 0.01, 0.02)]
    [InlineData("A005|A006", 0.01, 0.03)]
    [InlineData("X", 0.05, 0.10)]
    public void Sed_type_mix(string types, double min, double max)
    {
        var set = types.Split('|');
        var share = Share(s => types == "X" ? s.Truth.SedType.StartsWith('X') : set.Contains(s.Truth.SedType));
        Assert.InRange(share, min, max);
    }

    [Fact]
    public void Versions_amendments_and_invalidations()
    {
        var seds = GeneratorFixture.Clean;
        var documents = seds.Select(s => s.Truth.DocumentId).Distinct().Count();
        var multiVersion = seds.Where(s => s.Truth.Version > 1).Select(s => s.Truth.DocumentId).Distinct().Count();
        Assert.InRange(multiVersion / (double)documents, 0.05, 0.10);
        Assert.InRange(Share(s => s.Record.Decision.InitialDecision == "0"), 0.02, 0.05);
        Assert.InRange(Share(s => s.Truth.SedType == "X008"), 0.005, 0.015);
        Assert.All(seds.Where(s => s.Truth.Superseded), s => Assert.Contains(seds, o => o.Truth.DocumentId == s.Truth.DocumentId && o.Truth.Version > s.Truth.Version));
    }

    [Fact]
    public void Posting_durations_are_log_normal_with_median_60_and_mean_115()
    {
        var rng = new Ingest.Generator.DetRandom(1);
        var days = Enumerable.Range(0, 50_000).Select(_ => (double)Durations.PostingDays(rng)).Order().ToArray();
        Assert.InRange(days[days.Length / 2], 55, 65);
        Assert.InRange(days.Average(), 105, 125);
        Assert.InRange(days.Count(d => d > 730) / (double)days.Length, 0.01, 0.02);
    }

    [Fact]
    public void A009_periods_in_the_corpus_follow_the_duration_law()
    {
        var periods = GeneratorFixture.Clean
            .Where(s => s.Truth.SedType == "A009" && s.Truth.Version == 1 && s.Record.Decision.InitialDecision == "1" && s.Record.Decision.PeriodEnd is not null)
            .Select(s => DateOnly.Parse(s.Record.Decision.PeriodEnd!).DayNumber - DateOnly.Parse(s.Record.Decision.PeriodStart!).DayNumber + 1.0)
            .Order().ToArray();
        Assert.InRange(periods[periods.Length / 2], 50, 72);
        Assert.InRange(periods.Average(), 95, 140);
        Assert.InRange(periods.Count(d => d > 731) / (double)periods.Length, 0.008, 0.03);
    }

    [Fact]
    public void Person_attributes_follow_domain_rates()
    {
        var a009 = GeneratorFixture.Clean.Where(s => s.Truth.SedType == "A009" && s.Truth.Version == 1).ToList();
        double Rate(Func<Ingest.Generator.GeneratedSed, bool> f) => a009.Count(f) / (double)a009.Count;
        Assert.InRange(Rate(s => s.Record.Person.Pins.Exists(p => p.Country == s.Record.Envelope.SenderInstitution[..2])), 0.85, 0.95);
        Assert.InRange(Rate(s => s.Record.Person.Pins.Exists(p => p.Country == "FR")), 0.05, 0.30);
        Assert.InRange(Rate(s => s.Record.Person.FamilyNameAtBirth is not null), 0.02, 0.10);
        Assert.InRange(Rate(s => s.Record.Person.Nationalities.Count > 1), 0.02, 0.05);
        var tcn = Rate(s => s.Record.Person.Nationalities.TrueForAll(n => !Ingest.Generator.Truth.RuleOracle.IsEeaOrSwiss(n) && n is not ("UK" or "EL")));
        Assert.InRange(tcn, 0.05, 0.15);
        Assert.Contains(a009, s => s.Record.Person.FamilyName!.Any(c => c is >= 'Α' and <= 'ω'));
        Assert.Contains(a009, s => s.Record.Person.FamilyName!.Any(c => c is >= 'А' and <= 'я'));
    }
}
