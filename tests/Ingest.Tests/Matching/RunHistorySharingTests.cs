using Ingest.Matching.Linking;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Matching;

/// <summary>
/// The history holds a person's values once: a later entry of the same case, person or name takes the
/// instances an earlier one holds, and only when they are equal (what the rules read never changes).
/// </summary>
public class RunHistorySharingTests
{
    [Fact]
    public void A_later_entry_of_the_same_person_shares_the_earlier_ones_values()
    {
        var history = new RunHistory();
        var first = Entry(0, "C1", "P|FR:1", "REF|1", "DUPONT JEAN", ["FR:1"], "ACME");
        var second = Entry(1, "C1", "P|FR:1", "REF|1", "DUPONT JEAN", ["FR:1"], "ACME");
        history.Register(first);
        history.Register(second);
        Assert.Same(first.CaseId, second.CaseId);
        Assert.Same(first.PersonKey, second.PersonKey);
        Assert.Same(first.ReferencePersonKey, second.ReferencePersonKey);
        Assert.Same(first.Name, second.Name);
        Assert.Same(first.PinKeys, second.PinKeys);
        Assert.Same(first.EmployerName, second.EmployerName);
        Assert.Equal([first, second], history.Case("C1"));
        Assert.Equal([first, second], history.Person("P|FR:1", "", 0, 0, []));
        Assert.True(history.IsDuplicate("C1", "D1", 1));
    }

    [Fact]
    public void Values_that_differ_stay_the_entrys_own()
    {
        var history = new RunHistory();
        var first = Entry(0, "C1", "P|FR:1", "", "DUPONT JEAN", ["FR:1"], "ACME");
        // Same person key (found through it) but another spelling, another PIN list and employer.
        var second = Entry(1, "C2", "P|FR:1", "", "DUPONT JEANNE", ["FR:1", "BE:2"], "OTHER");
        history.Register(first);
        history.Register(second);
        Assert.Equal("C2", second.CaseId);
        Assert.Same(first.PersonKey, second.PersonKey);
        Assert.Equal("DUPONT JEANNE", second.Name.Key);
        Assert.Equal(["FR:1", "BE:2"], second.PinKeys);
        Assert.Equal("OTHER", second.EmployerName.Key);
    }

    [Fact]
    public void A_person_key_found_as_another_entrys_reference_key_is_shared_too()
    {
        var history = new RunHistory();
        var first = Entry(0, "C1", "N|DUPONT", "P|FR:1", "DUPONT JEAN", [], "");
        var second = Entry(1, "C2", "P|FR:1", "", "DUPONT JEAN", ["FR:1"], "");
        history.Register(first);
        history.Register(second);
        Assert.Same(first.ReferencePersonKey, second.PersonKey);
        Assert.Equal([first, second], history.Person("P|FR:1", "", 0, 0, []));
    }

    // New strings each time: sharing must come from the history, not from the compiler's literals.
    private static HistoryEntry Entry(int i, string caseId, string person, string reference, string name, string[] pins, string employer)
    {
        var e = HistoryEntries.Make(i);
        e.CaseId = new string(caseId.AsSpan());
        e.PersonKey = new string(person.AsSpan());
        e.ReferencePersonKey = new string(reference.AsSpan());
        e.Name = new NormalizedName(new string(name.AsSpan()));
        e.PinKeys = [.. pins.Select(p => new string(p.AsSpan()))];
        e.EmployerName = employer.Length == 0 ? NormalizedName.Empty : new NormalizedName(new string(employer.AsSpan()));
        return e;
    }
}
