using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Linking;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Matching;

/// <summary>
/// The history stores entries as plain records (texts by id, lists joined, dates as day numbers):
/// every view hands back exactly what was registered, and the flags the history sets.
/// </summary>
public class RunHistoryRecordTests
{
    private static readonly Gen<string> Text = Gen.Elements("", " ", "FR", "A009", "12.1", "DUPONT JEAN", "ΔΗΜΗΤΡΗΣ", "P|FR:1850775123456", "R|00ff", "é\r\n")
        .Zip(Gen.Choose(0, 3)).Select(t => t.Item2 == 0 ? t.Item1 + "x" : t.Item1);

    private static readonly Gen<string[]> List = Text.ArrayOf().Select(a => a.Take(4).ToArray());

    private static readonly Gen<Period?> Periods = Gen.Choose(0, 3).Zip(Gen.Choose(700_000, 750_000)).Zip(Gen.Choose(-40, 900)).Select(t =>
        t.Item1.Item1 == 0 ? (Period?)null
        : new Period(DateOnly.FromDayNumber(t.Item1.Item2), t.Item1.Item1 == 1 ? null : DateOnly.FromDayNumber(t.Item1.Item2 + t.Item2)));

    [Property(MaxTest = 300)]
    public Property A_view_holds_every_value_registered()
    {
        var entries = Text.Zip(Text).Zip(Text.Zip(List)).Zip(List.Zip(Periods)).Zip(Gen.Choose(-1, 40_000).Zip(Gen.Choose(0, 7)))
            .Select(t => Make(t.Item1.Item1.Item1.Item1, t.Item1.Item1.Item1.Item2, t.Item1.Item1.Item2.Item1, t.Item1.Item1.Item2.Item2, t.Item1.Item2.Item1, t.Item1.Item2.Item2, t.Item2.Item1, t.Item2.Item2))
            .ToArbitrary();
        return Prop.ForAll(entries, entry =>
        {
            var history = new RunHistory();
            Assert.True(history.Register(entry));
            Assert.False(history.Register(entry));
            var view = Assert.Single(history.Person(entry.PersonKey, "", 0, 0, []));
            Assert.Equal(entry.CaseId, view.CaseId);
            Assert.Equal(entry.DocumentId, view.DocumentId);
            Assert.Equal(entry.Version, view.Version);
            Assert.Equal(entry.SedType, view.SedType);
            Assert.Equal(entry.IssueDate, view.IssueDate);
            Assert.Equal(entry.Period, view.Period);
            Assert.Equal(entry.State, view.State);
            Assert.Equal(entry.SenderCountry, view.SenderCountry);
            Assert.Equal(entry.Article, view.Article);
            Assert.Equal(entry.PersonKey, view.PersonKey);
            Assert.Equal(entry.EmployerKey, view.EmployerKey);
            Assert.Equal(entry.EmployerName.Key, view.EmployerName.Key);
            Assert.Equal(entry.Name.Key, view.Name.Key);
            Assert.Equal(entry.WorkCountries, view.WorkCountries);
            Assert.Equal(entry.PinKeys, view.PinKeys);
            Assert.Equal(entry.BirthDay, view.BirthDay);
            Assert.Equal(entry.NameKey, view.NameKey);
            Assert.Equal((entry.IsAmendment, entry.WholePeriodCancelled, entry.HadConflict, entry.ReliedUpon),
                (view.IsAmendment, view.WholePeriodCancelled, view.HadConflict, view.ReliedUpon));
            Assert.True(history.IsDuplicate(entry.CaseId, entry.DocumentId, entry.Version));
        });
    }

    [Fact]
    public void A_newer_version_supersedes_the_older_whichever_arrives_first()
    {
        var history = new RunHistory();
        history.Register(Decision(1, version: 2));
        history.Register(Decision(1, version: 1));
        var views = history.Case("C1");
        Assert.Equal([(2, false), (1, true)], views.Select(v => (v.Version, v.Superseded)));
    }

    [Fact]
    public void A_bounded_history_links_versions_across_its_two_generations()
    {
        var history = new RunHistory(maxEntries: 4);
        history.Register(Decision(1, version: 1));
        history.Register(Decision(9, version: 1));
        history.Register(Decision(1, version: 2));
        Assert.Equal([("D1", 1, true), ("D9", 1, false), ("D1", 2, false)], history.Case("C1").Select(v => (v.DocumentId, v.Version, v.Superseded)));
        Assert.True(history.IsDuplicate("C1", "D1", 1));
    }

    [Fact]
    public void An_invalidation_marks_its_target_now_or_on_arrival()
    {
        var history = new RunHistory();
        var issued = new DateOnly(2026, 3, 1);
        history.Register(Decision(1, version: 1, issued));
        var now = history.Invalidate("C1", "A009", issued);
        Assert.Equal((1, false, "D1"), (now.Resolved, now.Ambiguous, now.TargetDocumentId));
        var later = history.Invalidate("C1", "A009", issued.AddDays(1));
        Assert.True(later.Pending);
        history.Register(Decision(2, version: 1, issued.AddDays(1)));
        Assert.Equal([true, true], history.Case("C1").Select(v => v.Invalidated));
    }

    [Fact]
    public void A_cancellation_without_a_period_voids_every_decision_of_its_case_now_or_on_arrival()
    {
        var history = new RunHistory();
        history.Register(Decision(1, version: 1));
        history.Register(HistoryEntries.Make(2, sedType: "A001"));
        history.Register(HistoryEntries.Make(3, caseNo: 2, sedType: "A009"));
        history.CancelPeriod("C1", null, null);
        history.Register(Decision(4, version: 1));
        Assert.Equal([("D1", true), ("D2", false), ("D4", true)], history.Case("C1").Select(v => (v.DocumentId, v.Invalidated)));
        Assert.Equal([false], history.Case("C2").Select(v => v.Invalidated));
        Assert.Equal([("C1", "D1"), ("C1", "D4")], history.InvalidatedDocuments().Order());
    }

    [Fact]
    public void A_cancellation_of_a_period_voids_the_decisions_that_overlap_it()
    {
        var history = new RunHistory();
        var cancelled = new Period(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));
        history.Register(Decision(1, version: 1) with { Period = new Period(new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 31)) });
        history.Register(Decision(2, version: 1) with { Period = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)) });
        history.Register(Decision(3, version: 1));
        history.CancelPeriod("C1", cancelled, null);
        history.Register(Decision(4, version: 1) with { Period = new Period(new DateOnly(2025, 5, 20), null) });
        Assert.Equal([("D1", true), ("D2", false), ("D3", false), ("D4", true)], history.Case("C1").Select(v => (v.DocumentId, v.Invalidated)));
    }

    [Fact]
    public void An_x008_naming_the_a008_takes_its_cancellation_back_and_leaves_the_others()
    {
        var history = new RunHistory();
        var (first, second) = (new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 20));
        history.Register(Decision(1, version: 1) with { Period = new Period(new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 31)) });
        history.Register(Decision(2, version: 1) with { Period = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)) });
        history.Register(Cancellation(10, first));
        history.CancelPeriod("C1", null, first);
        history.Register(Cancellation(11, second));
        history.CancelPeriod("C1", new Period(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31)), second);
        Assert.Equal([true, true], Decisions(history));

        var outcome = history.Invalidate("C1", "A008", first);

        Assert.Equal(1, outcome.Resolved);
        // The second A008 still cancels May 2025, which only the first decision covers.
        Assert.Equal([true, false], Decisions(history));
        history.Register(Decision(3, version: 1) with { Period = new Period(new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31)) });
        Assert.Equal([true, false, false], Decisions(history));
        Assert.Equal([("C1", "D1"), ("C1", "D10")], history.InvalidatedDocuments().Order());
    }

    [Fact]
    public void An_a008_an_x008_voided_first_or_since_cancels_nothing_when_it_arrives_or_is_replayed()
    {
        var history = new RunHistory();
        var issued = new DateOnly(2025, 9, 1);
        history.Register(Decision(1, version: 1));
        Assert.True(history.Invalidate("C1", "A008", issued).Pending);
        history.Register(Cancellation(10, issued));
        history.CancelPeriod("C1", null, issued);
        Assert.Equal([false], Decisions(history));

        var replayed = new RunHistory();
        replayed.Register(Decision(1, version: 1));
        replayed.Register(Cancellation(10, issued));
        replayed.CancelPeriod("C1", null, issued);
        replayed.Invalidate("C1", "A008", issued);
        replayed.CancelPeriod("C1", null, issued); // the A008 delivered again
        Assert.Equal([false], Decisions(replayed));
    }

    private static HistoryEntry Cancellation(int document, DateOnly issued) =>
        HistoryEntries.Make(document, sedType: "A008", version: 1, issued: issued);

    private static bool[] Decisions(RunHistory history) =>
        [.. history.Case("C1").Where(v => v.SedType == "A009").Select(v => v.Invalidated)];

    [Fact]
    public void Names_link_a_person_unless_a_pin_of_the_same_country_differs()
    {
        var history = new RunHistory();
        history.Register(Make("C1", "D1", "DUPONT JEAN", ["FR:1850775123456", "BE:85073100123"], [], null, 0, 9));
        Assert.Single(history.Person("P-other", "", 9, 0, []));
        Assert.Single(history.Person("P-other", "", 9, 0, ["FR:1850775123456"]));
        Assert.Single(history.Person("P-other", "", 9, 0, ["PL:85073112345"]));
        Assert.Empty(history.Person("P-other", "", 9, 0, ["FR:2990175987654"]));
        Assert.Empty(history.Person("P-other", "", 8, 0, []));
    }

    private static HistoryEntry Decision(int document, int version, DateOnly? issued = null) =>
        HistoryEntries.Make(document, sedType: "A009", version: version, issued: issued);

    private static HistoryEntry Make(string caseId, string document, string text, string[] pins, string[] countries, Period? period, int birthDay, int flags) => new()
    {
        CaseId = caseId,
        DocumentId = document,
        Version = flags,
        SedType = text,
        IssueDate = period?.End,
        Period = period,
        State = flags % 2 == 0 ? null : text,
        SenderCountry = flags % 3 == 0 ? null : caseId,
        Article = document,
        PersonKey = "P" + text,
        ReferencePersonKey = "",
        EmployerKey = caseId,
        EmployerName = new NormalizedName(text),
        WorkCountries = countries,
        Name = new NormalizedName(document),
        BirthDay = birthDay,
        PinKeys = pins,
        NameKey = (ulong)flags,
        IsAmendment = (flags & 1) != 0,
        WholePeriodCancelled = (flags & 2) != 0,
        HadConflict = (flags & 4) != 0,
        ReliedUpon = flags == 5,
    };
}
