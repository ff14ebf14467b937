using Ingest.Core.Reference;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>A nightly run sizes the snapshot's findings caches once; a finding already made is never dropped by it.</summary>
public sealed class ReserveFindingsTests
{
    [Fact]
    public void Sizing_replaces_only_empty_caches()
    {
        var snapshot = ReferenceSnapshot.Build(new List<A1Certificate>(), new List<PostingDeclaration>());
        var unsized = snapshot.EmployerFindings;
        snapshot.ReserveFindings(0);
        Assert.Same(unsized, snapshot.EmployerFindings);
        snapshot.ReserveFindings(1000);
        Assert.NotSame(unsized, snapshot.EmployerFindings);

        snapshot.EmployerFindings.TryAdd(7, "habitual activity abroad");
        var found = snapshot.EmployerFindings;
        snapshot.ReserveFindings(5000);
        Assert.Same(found, snapshot.EmployerFindings);
        Assert.Equal("habitual activity abroad", snapshot.EmployerFindings[7]);
    }
}
