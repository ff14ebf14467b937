using Ingest.Core.Reference;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Matching.Rules;
using static Ingest.Tests.Matching.TestData;

namespace Ingest.Tests.Matching;

/// <summary>POST-02 from the declarations' side: a declared worker nobody sent an A009 or an A1 for.</summary>
public sealed class DeclarationAuditTests
{
    /// <summary>A declaration of another worker than the default world's, declared from 2025-03-10.</summary>
    private static readonly PostingDeclaration Undocumented = Declaration with
    {
        DeclarationId = "D-9",
        WorkerFamilyName = "Nowak",
        WorkerForename = "Piotr",
        WorkerDateBirth = "1985-02-02",
        WorkerPin = PeselOf("8502021234"),
    };

    private static IReadOnlyList<string> Audit(IEnumerable<A1Certificate> a1s, IEnumerable<PostingDeclaration> declarations, params SedRecord[] seds)
    {
        var evaluator = new SedEvaluator(ReferenceSnapshot.Build(a1s, declarations));
        var i = 0;
        foreach (var sed in seds)
        {
            evaluator.Evaluate(new UnitId("audit", null, i++), sed);
        }
        var findings = evaluator.AuditDeclarations();
        Assert.All(findings, f => Assert.Equal("POST-02", f.Anomaly.RuleId));
        return [.. findings.Select(f => f.DeclarationId)];
    }

    /// <summary>Some SED of the run received on that day (the run's "today").</summary>
    private static SedRecord ReceivedOn(string day) => A009(s => s.Envelope.ReceivedAt = day + "T09:00:00Z");

    [Fact]
    public void A_declared_worker_with_no_a009_and_no_a1_is_reported_after_the_grace_delay()
    {
        Assert.Equal(["D-9"], Audit([A1], [Declaration, Undocumented], ReceivedOn("2025-04-15")));
        Assert.Empty(Audit([A1], [Declaration, Undocumented], ReceivedOn("2025-04-01")));
    }

    [Fact]
    public void An_a009_of_the_run_covers_the_declaration()
    {
        var sent = A009(s =>
        {
            s.Envelope.ReceivedAt = "2025-04-15T09:00:00Z";
            s.Person.FamilyName = "Nowak";
            s.Person.Forename = "Piotr";
            s.Person.DateBirth = "1985-02-02";
            s.Person.Pins[0].Number = Undocumented.WorkerPin;
        });
        Assert.Empty(Audit([A1], [Declaration, Undocumented], sent));
    }

    [Theory]
    [InlineData("issued", false)]
    [InlineData("withdrawn", true)]
    public void An_a1_of_the_worker_covers_the_declaration_unless_withdrawn(string status, bool reported)
    {
        var a1 = A1 with { DocumentNumber = "A1-0009", FamilyName = "Nowak", Forename = "Piotr", DateBirth = "1985-02-02", Pin = Undocumented.WorkerPin, Status = status };
        Assert.Equal(reported, Audit([A1, a1], [Declaration, Undocumented], ReceivedOn("2025-04-15")).Contains("D-9"));
    }

    [Fact]
    public void A_cancelled_declaration_is_not_reported()
    {
        Assert.Empty(Audit([A1], [Declaration, Undocumented with { Status = "cancelled" }], ReceivedOn("2025-06-01")));
    }

    [Fact]
    public void Post_02_is_in_the_catalogue_as_a_run_level_rule()
    {
        Assert.Contains(RuleCatalogue.RunLevel, r => r.Id == "POST-02");
        Assert.DoesNotContain(RuleCatalogue.All, r => r.Id == "POST-02");
        Assert.True(RuleCatalogue.TryGet("POST-02", out var rule));
        Assert.Equal(Core.Results.Severity.Red, rule!.Severity);
        Assert.Contains(RuleCatalogue.Descriptors, d => d.Id == "POST-02");
    }

    [Fact]
    public void A_run_received_on_placeholder_dates_in_year_one_does_not_throw()
    {
        // The grace period before the run's "today" reaches before 0001-01-01: the audit saturates.
        Assert.Empty(Audit([A1], [Undocumented], ReceivedOn("0001-01-05")));
    }
}
