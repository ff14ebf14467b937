using Ingest.Core.Results;
using Ingest.Core.Seds;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

/// <summary>Namesakes, twins, slips and transliterations: when a candidate is the SED's person and when not.</summary>
public sealed class IdentityResolutionTests
{
    private static MatchResult A1Match(SedEvaluation e) => e.Matches.Single(m => m.Target == MatchTarget.A1);

    private static bool Fired(SedEvaluation e, string rule) => e.Anomalies.Any(a => a.RuleId == rule);

    private static SedRecord WithoutPin(Action<SedRecord>? edit = null) => A009(s =>
    {
        s.Person.Pins.Clear();
        edit?.Invoke(s);
    });

    [Theory]
    [InlineData("1982-05-17")]
    [InlineData("1980-05-19")]
    public void Namesake_with_another_pin_and_another_birth_date_is_not_the_person(string birth)
    {
        var e = Scenario.Of(A009()).WithA1s(A1 with { Pin = OtherPesel, DateBirth = birth }).Evaluate();
        Assert.Null(A1Match(e).TargetId);
        Assert.False(Fired(e, "ID-07"));
    }

    [Theory]
    [InlineData(EmployerVat, true)]
    [InlineData("PL7010001454", false)]
    public void Another_pin_with_all_else_equal_is_the_person_only_for_a_record_of_the_same_posting(string employerOnRecord, bool samePerson)
    {
        // ID-07 (the register holds another number) against a twin: same name, same birth date, another employer.
        var e = Scenario.Of(A009()).WithA1s(A1 with { Pin = OtherPesel, EmployerId = employerOnRecord }).Evaluate();
        Assert.Equal(samePerson ? "A1-0001" : null, A1Match(e).TargetId);
        Assert.Equal(samePerson, Fired(e, "ID-07"));
    }

    [Theory]
    [InlineData(EmployerVat, "1980-05-18", true)]
    [InlineData(EmployerVat, "1980-06-18", true)]
    [InlineData("PL7010001454", "1980-05-18", false)]
    public void Birth_date_off_without_a_pin_is_the_person_only_for_a_record_of_the_same_posting(string employerOnRecord, string birthOnRecord, bool samePerson)
    {
        var e = Scenario.Of(WithoutPin()).WithA1s(A1 with { DateBirth = birthOnRecord, EmployerId = employerOnRecord, Pin = null }).Evaluate();
        Assert.Equal(samePerson ? "A1-0001" : null, A1Match(e).TargetId);
        Assert.Equal(samePerson, Fired(e, "ID-03"));
    }

    [Theory]
    [InlineData("PL", EmployerVat, true)]
    [InlineData("RO", EmployerVat, true)]
    [InlineData("PL", "PL7010001454", true)]
    [InlineData("RO", "PL7010001454", false)]
    public void A_family_name_only_alike_with_another_nationality_is_the_person_only_for_a_record_of_the_same_posting(
        string nationalityOnRecord, string employerOnRecord, bool samePerson)
    {
        // Forename and birth date equal, family names alike (a typo or a namesake): another
        // nationality makes it a namesake unless the record is of this very posting.
        var e = Scenario.Of(WithoutPin(s => s.Person.FamilyName = "Kowalczyk"))
            .WithA1s(A1 with { Nationalities = [nationalityOnRecord], EmployerId = employerOnRecord, Pin = null }).Evaluate();
        Assert.Equal(samePerson ? "A1-0001" : null, A1Match(e).TargetId);
    }

    [Fact]
    public void Another_forename_is_another_person_however_long_the_family_name()
    {
        var e = Scenario.Of(WithoutPin(s => { s.Person.FamilyName = "Konstantynowicz"; s.Person.Forename = "Ion"; }))
            .WithA1s(A1 with { FamilyName = "Konstantynowicz", Forename = "Konstantyn", Pin = null }).Evaluate();
        Assert.Null(A1Match(e).TargetId);
    }

    [Fact]
    public void One_pin_with_another_name_and_birth_date_is_two_people()
    {
        var e = Scenario.Of(A009()).WithA1s(A1 with { FamilyName = "Zieliński", Forename = "Piotr", DateBirth = "1991-02-03" }).Evaluate();
        Assert.Null(A1Match(e).TargetId);
        Assert.True(Fired(e, "ID-10"));
        Assert.False(Fired(e, "ID-03"));
    }

    [Fact]
    public void Of_namesakes_alike_the_one_holding_a_record_for_the_period_is_taken()
    {
        var e = Scenario.Of(WithoutPin())
            .WithA1s(A1 with { DocumentNumber = "A1-OTHER", Pin = OtherPesel, Start = "2023-01-01", End = "2023-03-01" }, A1)
            .Evaluate();
        var m = A1Match(e);
        Assert.Equal(MatchStatus.Conform, m.Status);
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Fact]
    public void An_inverted_period_is_matched_by_its_start()
    {
        var e = Scenario.Of(A009(s => s.Decision.PeriodEnd = "2025-03-01")).Evaluate();
        Assert.Equal("A1-0001", A1Match(e).TargetId);
        Assert.True(Fired(e, "STR-04"));
        Assert.True(Fired(e, "POST-03"));
    }

    [Theory]
    [InlineData("Христов", "Йордан", "Hristov", "Yordan")]
    [InlineData("Стоянов", "Петър", "Stoyanov", "Petar")]
    [InlineData("Желязков", "Николай", "Zhelyazkov", "Nikolay")]
    [InlineData("Παπαδάκη", "Αγγελική", "Papadaki", "Angeliki")]
    public void Native_script_matches_the_states_own_romanisation_without_a_pin(string family, string forename, string latinFamily, string latinForename)
    {
        var e = Scenario.Of(WithoutPin(s => { s.Person.FamilyName = family; s.Person.Forename = forename; }))
            .WithA1s(A1 with { FamilyName = latinFamily, Forename = latinForename, Pin = null }).Evaluate();
        Assert.Equal(MatchStatus.Conform, A1Match(e).Status);
    }

    [Fact]
    public void Records_of_the_person_registered_without_a_pin_join_the_ones_found_by_pin()
    {
        // Another state's A1 for the same worker, without a number, claims DE over the same months.
        var foreign = A1 with { DocumentNumber = "DE-0001", Issuer = "DE:DRV0001", Pin = null, PinCountry = null, LegislationState = "DE", EmployerId = "DE123456789", EmployerCountry = "DE" };
        var e = Scenario.Of(A009()).WithA1s(A1, foreign).Evaluate();
        Assert.Equal("A1-0001", A1Match(e).TargetId);
        Assert.True(Fired(e, "LEG-02"));
        Assert.True(Fired(e, "POST-06"));
        Assert.False(Fired(e, "LEG-01"));
    }

    [Fact]
    public void A_record_without_a_pin_joins_its_person_however_many_namesakes_were_registered_before_it()
    {
        // 70 namesakes born other days come first: more than the candidates one whole-name key yields.
        var namesakes = Enumerable.Range(0, 70).Select(i => A1 with
        {
            DocumentNumber = $"NS-{i:00}", Pin = null, PinCountry = null, DateBirth = $"19{60 + (i % 30)}-0{1 + (i % 9)}-1{i % 10}",
        });
        var foreign = A1 with { DocumentNumber = "DE-0001", Issuer = "DE:DRV0001", Pin = null, PinCountry = null, LegislationState = "DE", EmployerId = "DE123456789", EmployerCountry = "DE" };
        var e = Scenario.Of(A009()).WithA1s([A1, .. namesakes, foreign]).Evaluate();
        Assert.Equal("A1-0001", A1Match(e).TargetId);
        Assert.True(Fired(e, "LEG-02"));
    }

    [Theory]
    [InlineData("FR:URSSAF01", "LEG-01")]
    [InlineData("DE:DRV0001", "LEG-02")]
    public void A_conflicting_a1_is_local_when_the_receiving_state_issued_it(string issuer, string rule)
    {
        var e = Scenario.Of(A009()).WithA1s(A1, A1 with { DocumentNumber = "A1-0002", Issuer = issuer, LegislationState = "DE" }).Evaluate();
        Assert.True(Fired(e, rule));
        Assert.False(Fired(e, rule == "LEG-01" ? "LEG-02" : "LEG-01"));
    }
}
