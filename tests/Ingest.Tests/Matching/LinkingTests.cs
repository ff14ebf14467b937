using Ingest.Core.Results;
using Ingest.Core.Seds;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

/// <summary>SEDs linked across a run: versions out of order, amendments, a person with and without PIN, placeholders.</summary>
public sealed class LinkingTests
{
    private static bool Fired(SedEvaluation e, string rule) => e.Anomalies.Any(a => a.RuleId == rule);

    private static (SedRecord V1, SedRecord V2) Versions(string v2End)
    {
        var v1 = A009();
        var v2 = A009(s =>
        {
            s.Envelope.DocumentId = v1.Envelope.DocumentId;
            s.Envelope.DocumentVersion = 2;
            s.Decision.PeriodEnd = v2End;
        });
        return (v1, v2);
    }

    [Theory]
    [InlineData("2025-08-31", true)]
    [InlineData("2025-09-30", false)]
    public void A_late_older_version_reports_the_change_to_the_newer_one_already_received(string v2End, bool changed)
    {
        var (v1, v2) = Versions(v2End);
        var first = Scenario.Of(v2).Evaluate();
        Assert.False(Fired(first, "LIFE-06"));
        var late = Scenario.Of(v1).After(v2).Evaluate();
        Assert.Equal(changed, Fired(late, "LIFE-06"));
    }

    [Fact]
    public void A_change_of_article_between_versions_is_material()
    {
        var v1 = A009();
        var v2 = A009(s => { s.Envelope.DocumentId = v1.Envelope.DocumentId; s.Envelope.DocumentVersion = 2; s.Article = "02"; });
        Assert.True(Fired(Scenario.Of(v2).After(v1).Evaluate(), "LIFE-06"));
    }

    [Theory]
    [InlineData("2025-01-20", true)]
    [InlineData("2024-12-15", false)]
    public void An_amended_end_is_the_earlier_postings_end_for_the_two_month_wait(string amendedEnd, bool wait)
    {
        // The earlier posting first ended 2024-11-30 (over two months before 2025-03-10), then was amended.
        var original = RuleCases.EarlierPosting("2024-06-01", "2024-11-30");
        var amendment = RuleCases.EarlierPosting("2024-06-01", amendedEnd);
        amendment.Decision.InitialDecision = "0";
        amendment.Decision.DatePreviousDecision = "2024-05-20";
        amendment.Envelope.CreatedAt = "2025-01-10T10:00:00Z";
        Assert.Equal(wait, Fired(Scenario.Of(A009()).After(original, amendment).Evaluate(), "PER-04"));
    }

    [Fact]
    public void A_shorter_amendment_supersedes_the_original_for_the_two_month_wait()
    {
        var original = RuleCases.EarlierPosting("2024-06-01", "2025-02-01");
        var amendment = RuleCases.EarlierPosting("2024-06-01", "2024-12-01");
        amendment.Decision.InitialDecision = "0";
        amendment.Envelope.CreatedAt = "2025-01-10T10:00:00Z";
        Assert.True(Fired(Scenario.Of(A009()).After(original).Evaluate(), "PER-04"));
        Assert.False(Fired(Scenario.Of(A009()).After(original, amendment).Evaluate(), "PER-04"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_sed_without_pin_links_to_the_persons_sed_with_one_unless_the_pins_conflict(bool otherPin, bool linked)
    {
        // Earlier posting by another employer, sent with a PIN; this one without (or with another person's PIN).
        var earlier = A009(s =>
        {
            s.Envelope.CaseId = "C0";
            s.Employers[0].Ids[0].Number = "PL7010001454";
            s.Employers[0].Name = "Kowbud SA";
        });
        var sed = A009(s =>
        {
            s.Person.Pins.Clear();
            if (otherPin)
            {
                s.Person.Pins.Add(new PinEntry { Country = "PL", Number = OtherPesel });
            }
        });
        var e = Scenario.Of(sed).WithA1s().WithDeclarations().After(earlier).Evaluate();
        Assert.Equal(linked, Fired(e, "POST-06"));
    }

    [Fact]
    public void Placeholder_persons_do_not_link_unrelated_seds()
    {
        static void Placeholder(SedRecord s)
        {
            s.Person.FamilyName = "Test";
            s.Person.Forename = "Test";
            s.Person.DateBirth = "1970-01-01";
            s.Person.Pins.Clear();
            s.Person.Pins.Add(new PinEntry { Country = "PL", Number = "1" });
        }
        var earlier = A009(s => { Placeholder(s); s.Envelope.CaseId = "C0"; s.Employers[0].Ids[0].Number = "PL7010001454"; });
        var e = Scenario.Of(A009(Placeholder)).WithA1s().WithDeclarations().After(earlier).Evaluate();
        Assert.True(Fired(e, "STR-10"));
        Assert.False(Fired(e, "POST-06"));
    }

    [Fact]
    public void Seds_without_name_or_pin_do_not_link_to_each_other()
    {
        // Their person key ("N||") names nobody: in a year's run some 24 000 such SEDs shared it, and
        // each one was compared with all the others.
        static void Nameless(SedRecord s)
        {
            s.Person.FamilyName = null;
            s.Person.Forename = null;
            s.Person.DateBirth = null;
            s.Person.Pins.Clear();
        }
        var earlier = A009(s => { Nameless(s); s.Envelope.CaseId = "C0"; s.Employers[0].Ids[0].Number = "PL7010001454"; });
        var e = Scenario.Of(A009(Nameless)).After(earlier).Evaluate();
        Assert.Equal("N||", e.PersonKey);
        Assert.False(Fired(e, "POST-06"));

        // The same two SEDs with a name do link: the test would see a link if there were one.
        static void Named(SedRecord s) { Nameless(s); s.Person.FamilyName = "Kowalski"; s.Person.Forename = "Jan"; }
        var named = Scenario.Of(A009(Named)).After(A009(s => { Named(s); s.Envelope.CaseId = "C0"; s.Employers[0].Ids[0].Number = "PL7010001454"; })).Evaluate();
        Assert.True(Fired(named, "POST-06"));
    }

    [Fact]
    public void Seds_without_a_case_id_are_not_one_case()
    {
        // Bare SEDs whose Kafka records carry no eessi-case-id all have the case id "": as one case,
        // each was compared with all the others, and unrelated openers from two states looked like a misrouted case.
        var earlier = A009(s => { s.Envelope.CaseId = ""; s.Envelope.SenderInstitution = "DE:DRV0001"; });
        var e = Scenario.Of(A009(s => s.Envelope.CaseId = "")).After(earlier).Evaluate();
        Assert.False(Fired(e, "STR-07"));

        // With a case id they are one case, and the rule does fire: the test would see a link if there were one.
        var sameCase = Scenario.Of(A009()).After(A009(s => s.Envelope.SenderInstitution = "DE:DRV0001")).Evaluate();
        Assert.True(Fired(sameCase, "STR-07"));
    }

    [Fact]
    public void The_chain_is_reported_on_the_posting_that_takes_it_past_24_months_not_on_the_first()
    {
        // Three 9-month postings of one employer; the later two are known from the A1 register already.
        var first = A009(s => { s.Decision.PeriodStart = "2023-01-01"; s.Decision.PeriodEnd = "2023-09-30"; });
        var a1s = new[]
        {
            A1 with { Start = "2023-01-01", End = "2023-09-30" },
            A1 with { DocumentNumber = "A1-0002", Start = "2023-10-20", End = "2024-07-19" },
            A1 with { DocumentNumber = "A1-0003", Start = "2024-08-08", End = "2025-05-07" },
        };
        var last = A009(s => { s.Envelope.CaseId = "C3"; s.Decision.PeriodStart = "2024-08-08"; s.Decision.PeriodEnd = "2025-05-07"; });
        Assert.False(Fired(Scenario.Of(first).WithA1s(a1s).Evaluate(), "PER-03"));
        Assert.True(Fired(Scenario.Of(last).WithA1s(a1s).Evaluate(), "PER-03"));
    }

    [Fact]
    public void The_postings_own_declaration_by_another_employer_is_post_04_not_post_06()
    {
        var e = Scenario.Of(A009()).WithDeclarations(Declaration with { EmployerId = "PL7010001454", EmployerName = "Other Sp. z o.o." }).Evaluate();
        Assert.True(Fired(e, "POST-04"));
        Assert.False(Fired(e, "POST-06"));
    }
}
