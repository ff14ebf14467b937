using Ingest.Core.Results;
using Ingest.Core.Seds;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

public sealed class MatcherTests
{
    private static MatchResult A1Match(Scenario s) => s.Evaluate().Matches.Single(m => m.Target == MatchTarget.A1);

    private static SedRecord WithoutPin(Action<SedRecord> edit) => A009(s =>
    {
        s.Person.Pins.Clear();
        edit(s);
    });

    [Fact]
    public void Exact_pin_identifies_the_person()
    {
        var m = A1Match(Scenario.Of(A009(s => { s.Person.FamilyName = "Kowalsky"; s.Person.DateBirth = "1980-05-18"; })));
        Assert.Equal("A1-0001", m.TargetId);
        Assert.Contains("pin-exact", m.Reasons);
        Assert.Equal(1.0, m.Score);
    }

    [Fact]
    public void Of_records_sharing_the_pin_the_one_with_the_sed_s_name_speaks_for_the_person()
    {
        // A stranger first in the register under the same date-based PIN: both score 1.0 on the PIN
        // and the birth date, and the stranger's name and nationality must not stand for the person.
        var stranger = A1 with { DocumentNumber = "A1-0000", FamilyName = "Nikonov", Forename = "Nikolay", Nationalities = ["BG"], IssuedOn = "2023-01-02", Start = "2023-01-09", End = "2023-06-30" };
        var result = Scenario.Of(A009()).WithA1s(stranger, A1).Evaluate();

        var m = result.Matches.Single(x => x.Target == MatchTarget.A1);
        Assert.Equal("A1-0001", m.TargetId);
        Assert.Contains("name-jw:1.00", m.Reasons);
        Assert.DoesNotContain(result.Anomalies, a => a.RuleId is "ID-05" or "ID-06");
    }

    [Fact]
    public void Pin_formatting_does_not_matter() =>
        Assert.Equal("A1-0001", A1Match(Scenario.Of(A009(s => s.Person.Pins[0].Number = string.Join(" ", Pesel.Chunk(3).Select(c => new string(c)))))).TargetId);

    [Theory]
    [InlineData("Kowalsky", "Jan")]
    [InlineData("Kowlaski", "Jan")]
    [InlineData("KOWALSKI", "JAN")]
    [InlineData("Jan", "Kowalski")]
    [InlineData("Kowalski-Nowak", "Jan")]
    public void Typos_case_swaps_and_compounds_match_without_a_pin(string family, string forename)
    {
        var m = A1Match(Scenario.Of(WithoutPin(s => { s.Person.FamilyName = family; s.Person.Forename = forename; })));
        Assert.Equal(MatchStatus.Conform, m.Status);
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Theory]
    [InlineData("Παπαδόπουλος", "Γεώργιος", "PAPADOPOULOS", "GEORGIOS")]
    [InlineData("Иванов", "Иван", "IVANOV", "IVAN")]
    [InlineData("Шевченко", "Олександр", "SHEVCHENKO", "OLEKSANDR")]
    public void Greek_and_cyrillic_match_their_transliteration(string family, string forename, string latinFamily, string latinForename)
    {
        var scenario = Scenario.Of(WithoutPin(s => { s.Person.FamilyName = family; s.Person.Forename = forename; }))
            .WithA1s(A1 with { FamilyName = latinFamily, Forename = latinForename, Pin = null });
        var m = A1Match(scenario);
        Assert.Equal(MatchStatus.Conform, m.Status);
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Fact]
    public void Birth_name_on_either_side_matches()
    {
        var married = Scenario.Of(WithoutPin(s => { s.Person.FamilyName = "Kowalska"; s.Person.Forename = "Anna"; s.Person.FamilyNameAtBirth = "Nowak"; s.Person.Sex = "02"; }))
            .WithA1s(A1 with { FamilyName = "Nowak", Forename = "Anna", Sex = "02", Pin = null });
        Assert.Equal("A1-0001", A1Match(married).TargetId);
        var onRecord = Scenario.Of(WithoutPin(s => { s.Person.FamilyName = "Nowak"; s.Person.Forename = "Anna"; s.Person.Sex = "02"; }))
            .WithA1s(A1 with { FamilyName = "Kowalska", FamilyNameAtBirth = "Nowak", Forename = "Anna", Sex = "02", Pin = null });
        Assert.Equal("A1-0001", A1Match(onRecord).TargetId);
    }

    [Fact]
    public void Day_and_month_swapped_birth_date_matches()
    {
        var m = A1Match(Scenario.Of(WithoutPin(s => s.Person.DateBirth = "1980-03-05")).WithA1s(A1 with { DateBirth = "1980-05-03", Pin = null }));
        Assert.Equal("A1-0001", m.TargetId);
        Assert.Contains("birth-date-day-month-swapped", m.Reasons);
    }

    [Fact]
    public void A_birth_date_mistyped_in_one_component_is_found_through_the_whole_name()
    {
        // No dated key can meet the record (every token key carries the date): the whole-name stage
        // finds it, and the record of the SED's own posting vouches for the person.
        var m = A1Match(Scenario.Of(WithoutPin(s => s.Person.DateBirth = "1981-05-17")).WithA1s(A1 with { Pin = null }));
        Assert.Equal("A1-0001", m.TargetId);
        Assert.Contains("birth-date-one-component-differs", m.Reasons);
    }

    [Theory]
    [InlineData("1981-05-17")]
    [InlineData("1980-06-17")]
    [InlineData("1980-05-18")]
    public void A_birth_date_mistyped_in_one_component_is_found_behind_a_hundred_namesakes(string typed)
    {
        // More namesakes (of other postings), registered first, than one whole-name key yields: the whole name with the
        // year, or with the month and day, still leads to the record.
        var namesakes = Enumerable.Range(0, 100).Select(i => A1 with
        {
            DocumentNumber = $"NS-{i:000}", Pin = null, PinCountry = null, EmployerId = "PL7010001454",
            DateBirth = $"19{50 + (i % 40)}-{1 + (i % 12):00}-{1 + (i % 28):00}",
        }).Where(a => a.DateBirth[..4] != "1980");
        var m = A1Match(Scenario.Of(WithoutPin(s => s.Person.DateBirth = typed)).WithA1s([.. namesakes, A1 with { Pin = null }]));
        Assert.Equal("A1-0001", m.TargetId);
        Assert.Contains("birth-date-one-component-differs", m.Reasons);
    }

    [Theory]
    [InlineData("1979-12-05", "1980-01-05")]
    [InlineData("1980-01-05", "1979-12-05")]
    [InlineData("1979-12-31", "1980-01-01")]
    public void A_birth_date_a_month_or_a_day_off_across_new_year_is_found_among_namesakes(string typed, string onRecord)
    {
        // Year, month and day all differ: only the whole name with the neighbouring year meets the record
        // (the namesakes, of other postings, are born in other years).
        var namesakes = Enumerable.Range(0, 100).Select(i => A1 with
        {
            DocumentNumber = $"NS-{i:000}", Pin = null, PinCountry = null, EmployerId = "PL7010001454",
            DateBirth = $"19{50 + (i % 40)}-{1 + (i % 12):00}-{1 + (i % 28):00}",
        }).Where(a => a.DateBirth[..3] != "198" && a.DateBirth[..4] != "1979");
        var m = A1Match(Scenario.Of(WithoutPin(s => s.Person.DateBirth = typed)).WithA1s([.. namesakes, A1 with { DateBirth = onRecord, Pin = null }]));
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Fact]
    public void A_known_birth_date_does_not_bring_the_namesakes_born_on_another_known_day()
    {
        // Every component of the date differs: no dated key meets the record, and the whole name is looked
        // up only among the records without a date, so the namesake is never a candidate.
        var result = Scenario.Of(WithoutPin(_ => { })).WithA1s(A1 with { DateBirth = "1961-11-23", Pin = null }).WithDeclarations().Evaluate();
        var m = result.Matches.Single(x => x.Target == MatchTarget.A1);
        Assert.Equal(MatchStatus.Unmatched, m.Status);
        Assert.Contains("no-candidate", m.Reasons);
        Assert.Contains(result.Anomalies, a => a.RuleId == "ID-02");
    }

    [Theory]
    [InlineData("1980-05-17", "")]
    [InlineData(null, "1980-05-17")]
    [InlineData(null, "")]
    public void The_whole_name_finds_the_person_when_a_birth_date_is_unknown_on_either_side(string? onSed, string onRecord)
    {
        var m = A1Match(Scenario.Of(WithoutPin(s => s.Person.DateBirth = onSed)).WithA1s(A1 with { DateBirth = onRecord, Pin = null }));
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Fact]
    public void No_candidate_is_unmatched()
    {
        var m = A1Match(Scenario.Of(A009()).WithA1s(A1 with { FamilyName = "Dubois", Forename = "Claire", DateBirth = "1970-12-12", Pin = null }));
        Assert.Equal(MatchStatus.Unmatched, m.Status);
        Assert.Null(m.TargetId);
    }

    [Fact]
    public void Different_person_with_same_name_and_other_birth_date_is_not_taken()
    {
        var m = A1Match(Scenario.Of(WithoutPin(_ => { })).WithA1s(A1 with { DateBirth = "1961-11-23", Pin = null, Nationalities = ["DE"], Sex = "02" }));
        Assert.NotEqual(MatchStatus.Conform, m.Status);
    }

    [Fact]
    public void Several_candidate_persons_go_to_review()
    {
        var scenario = Scenario.Of(WithoutPin(_ => { }))
            .WithA1s(A1 with { Pin = PeselOf("8005171111") }, A1 with { DocumentNumber = "A1-0002", Pin = PeselOf("8005172222") });
        var result = scenario.Evaluate();
        var m = result.Matches.Single(x => x.Target == MatchTarget.A1);
        Assert.Equal(MatchStatus.Review, m.Status);
        Assert.Contains("several-candidates", m.Reasons);
        Assert.Contains(result.Anomalies, a => a.RuleId == "ID-02");
    }

    [Fact]
    public void Person_found_without_an_overlapping_a1_is_unmatched()
    {
        var m = A1Match(Scenario.Of(A009()).WithA1s(A1 with { Start = "2023-01-01", End = "2023-06-30" }));
        Assert.Equal(MatchStatus.Unmatched, m.Status);
        Assert.Contains("person-found-no-overlapping-period", m.Reasons);
    }

    [Fact]
    public void Of_several_a1s_of_the_person_the_overlapping_one_is_chosen()
    {
        var m = A1Match(Scenario.Of(A009()).WithA1s(A1 with { DocumentNumber = "A1-OLD", Start = "2024-01-01", End = "2024-06-30" }, A1));
        Assert.Equal("A1-0001", m.TargetId);
    }

    [Fact]
    public void Red_flag_sends_matches_to_review_with_a_queue_entry()
    {
        var result = Scenario.Of(A009()).WithA1s(A1 with { LegislationState = "DE" }).Evaluate();
        Assert.True(result.RedFlag);
        Assert.All(result.Matches, m => Assert.Equal(MatchStatus.Review, m.Status));
        Assert.Contains("legislation-state-differs", result.Matches[0].Reasons);
        Assert.NotNull(result.ReviewEntry);
        Assert.Contains("LEG-01", result.ReviewEntry!.RedRuleIds);
        Assert.Equal(result.Anomalies.Count, result.ReviewEntry.Reasons.Count);
    }

    [Fact]
    public void Person_key_prefers_the_sending_country_pin()
    {
        var result = Scenario.Of(A009(s => s.Person.Pins.Insert(0, new PinEntry { Country = "FR", Number = "1 85 05 78 006 084 91" }))).Evaluate();
        Assert.Equal("P|PL:" + Pesel, result.PersonKey);
        Assert.StartsWith("N|JAN KOWALSKI|1980-05-17", Scenario.Of(WithoutPin(_ => { })).Evaluate().PersonKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("80051712354", false)]
    [InlineData("80051712346", false)]
    [InlineData("75010111116", true)]
    public void A_mistyped_pin_is_not_another_persons(string pinOnRecord, bool differentPerson)
    {
        // Country without a check digit, so a slip stays usable; ID-07 is only for a really different PIN.
        var scenario = Scenario.Of(A009(s => { s.Person.Pins[0].Country = "AT"; s.Person.Pins[0].Number = "80051712345"; s.Envelope.SenderInstitution = "AT:SVS0001"; s.Decision.LegislationState = "AT"; }))
            .WithA1s(A1 with { PinCountry = "AT", Pin = pinOnRecord, LegislationState = "AT" });
        var result = scenario.Evaluate();
        Assert.Equal(differentPerson, result.Anomalies.Any(a => a.RuleId == "ID-07"));
        Assert.Equal("A1-0001", result.Matches[0].TargetId);
    }

    [Theory]
    [InlineData("AT:12345", "AT:12345", true)]
    [InlineData("AT:12345", "AT:12346", true)]
    [InlineData("AT:12345", "AT:12354", true)]
    [InlineData("AT:12345", "AT:21345", true)]
    [InlineData("AT:12345", "AT:12435", true)]
    [InlineData("AT:12345", "AT:13355", false)]
    [InlineData("AT:12345", "AT:54321", false)]
    [InlineData("AT:12345", "AT:123456", false)]
    public void Pin_slips(string a, string b, bool near) => Assert.Equal(near, Ingest.Matching.Scoring.PinDistance.IsNear(a, b));

    [Fact]
    public void Same_forename_and_birth_date_with_another_family_name_is_not_a_candidate()
    {
        var m = A1Match(Scenario.Of(WithoutPin(_ => { })).WithA1s(A1 with { FamilyName = "Zieliński", Pin = null }));
        Assert.Equal(MatchStatus.Unmatched, m.Status);
    }
}
