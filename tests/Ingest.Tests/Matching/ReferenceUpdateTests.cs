using Ingest.Core.Reference;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Matching;
using Ingest.Matching.Indexes;

namespace Ingest.Tests.Matching;

/// <summary>
/// Live updates of the reference data (<see cref="ReferenceSnapshot.With"/>) against a generated
/// corpus: an updated snapshot evaluates every SED as a snapshot built from scratch on the same
/// records does, and a SED whose matches change always shares a match key with a changed record (so
/// the stream worker, which re-evaluates only those, misses none).
/// </summary>
public sealed class ReferenceUpdateTests
{
    private static readonly Lazy<Corpus> s_corpus = new(() => Corpus.Make(new GeneratorOptions { Seds = 1500, Seed = 57 }));

    [Fact]
    public void An_updated_snapshot_evaluates_every_SED_as_a_snapshot_built_from_scratch()
    {
        var c = s_corpus.Value;
        var (baseA1s, baseDeclarations, changes, expectedA1s, expectedDeclarations) = c.Split();
        var update = ReferenceSnapshot.Build(baseA1s, baseDeclarations).With(changes);
        var rebuilt = ReferenceSnapshot.Build(expectedA1s, expectedDeclarations);

        Assert.Equal(rebuilt.A1Count, update.Snapshot.A1Count);
        Assert.Equal(rebuilt.DeclarationCount, update.Snapshot.DeclarationCount);
        var updated = Evaluator(update.Snapshot);
        var fromScratch = Evaluator(rebuilt);
        foreach (var (unit, sed) in c.Seds)
        {
            Assert.Equal(Outcome(fromScratch.Evaluate(unit, sed)), Outcome(updated.Evaluate(unit, sed)));
        }
    }

    [Fact]
    public void A_snapshot_indexed_as_the_files_are_decoded_evaluates_every_SED_as_the_plain_build_and_shows_every_record()
    {
        var c = s_corpus.Value;
        // An amendment, so the current-version choice is exercised: it must replace its first version in place.
        var first = c.Declarations[0];
        var declarations = new List<PostingDeclaration>(c.Declarations) { first with { Version = first.Version + 1, End = "2031-12-31", Status = "amended" } };
        var dir = Directory.CreateTempSubdirectory("ingest-ref");
        try
        {
            var a1Path = Path.Combine(dir.FullName, ReferenceJsonl.A1FileName);
            var declarationsPath = Path.Combine(dir.FullName, ReferenceJsonl.DeclarationsFileName);
            using (var s = File.Create(a1Path))
            {
                c.A1s.ForEach(a => ReferenceJsonl.Write(s, a));
            }
            using (var s = File.Create(declarationsPath))
            {
                declarations.ForEach(d => ReferenceJsonl.Write(s, d));
            }
            var seenA1s = new System.Collections.Concurrent.ConcurrentBag<string>();
            var seenDeclarations = new System.Collections.Concurrent.ConcurrentBag<(string, int)>();

            var loaded = ReferenceSnapshot.LoadIndexed(a1Path, declarationsPath, a => seenA1s.Add(a.DocumentNumber), d => seenDeclarations.Add((d.DeclarationId, d.Version)));
            var plain = ReferenceSnapshot.Build(c.A1s, declarations);

            Assert.Equal(c.A1s.Select(a => a.DocumentNumber).Order(), seenA1s.Order());
            Assert.Equal(declarations.Select(d => (d.DeclarationId, d.Version)).Order(), seenDeclarations.Order());
            Assert.Equal(plain.A1s.Select(a => a.TargetId), loaded.A1s.Select(a => a.TargetId));
            Assert.Equal(plain.Declarations.Select(d => (d.TargetId, d.Version)), loaded.Declarations.Select(d => (d.TargetId, d.Version)));
            Assert.Equal("amended", loaded.Declarations[0].Status);
            Assert.Equal(plain.IndexBytes, loaded.IndexBytes);
            var fromPlain = Evaluator(plain);
            var fromLoaded = Evaluator(loaded);
            foreach (var (unit, sed) in c.Seds)
            {
                Assert.Equal(Outcome(fromPlain.Evaluate(unit, sed)), Outcome(fromLoaded.Evaluate(unit, sed)));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_reference_file_gives_an_empty_side()
    {
        var snapshot = ReferenceSnapshot.LoadIndexed(null, Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "declarations.jsonl"));

        Assert.Equal(0, snapshot.A1Count);
        Assert.Equal(0, snapshot.DeclarationCount);
    }

    [Fact]
    public void A_SED_whose_matches_change_shares_a_match_key_with_a_changed_record()
    {
        var c = s_corpus.Value;
        var (baseA1s, baseDeclarations, changes, _, _) = c.Split();
        var before = ReferenceSnapshot.Build(baseA1s, baseDeclarations);
        var update = before.With(changes);
        var old = Evaluator(before);
        var now = Evaluator(update.Snapshot);
        int changed = 0, touched = 0;
        foreach (var (unit, sed) in c.Seds)
        {
            var concerned = update.Touched.Touches(now.MatchKeysOf(sed));
            touched += concerned ? 1 : 0;
            if (Matches(old.Evaluate(unit, sed)) != Matches(now.Evaluate(unit, sed)))
            {
                changed++;
                Assert.True(concerned, $"{unit}: its matches changed but it shares no key with a changed record");
            }
        }
        // The test means something only if the update changes some matches and spares most SEDs.
        Assert.True(changed > 20, $"{changed} SEDs changed");
        Assert.True(touched < c.Seds.Count / 2, $"{touched} of {c.Seds.Count} SEDs concerned");
    }

    [Fact]
    public void Removing_what_the_snapshot_does_not_hold_changes_nothing()
    {
        var c = s_corpus.Value;
        var snapshot = ReferenceSnapshot.Build(c.A1s, c.Declarations);
        var changes = new ReferenceChanges();
        changes.RemoveA1("no-such-certificate");
        changes.RemoveDeclaration("no-such-declaration");

        var update = snapshot.With(changes);

        Assert.Same(snapshot, update.Snapshot);
        Assert.Equal(0, update.RecordsChanged);
        Assert.Equal(0, update.Touched.Count);
    }

    [Fact]
    public void A_replaced_record_counts_once_removed_and_once_added_and_the_last_change_of_a_key_wins()
    {
        var c = s_corpus.Value;
        var snapshot = ReferenceSnapshot.Build(c.A1s, c.Declarations);
        var target = c.A1s[3];
        var changes = new ReferenceChanges();
        changes.Set(target with { Status = "withdrawn" });
        changes.RemoveA1(target.DocumentNumber);
        changes.Set(target with { Status = "expired" });

        var update = snapshot.With(changes);

        Assert.Equal(2, update.RecordsChanged);
        Assert.Equal(snapshot.A1Count, update.Snapshot.A1Count);
        var replaced = update.Snapshot.A1s.Single(a => a.TargetId == target.DocumentNumber);
        Assert.Equal("expired", replaced.Status);
        Assert.Same(snapshot.A1s[0], update.Snapshot.A1s[0]);
        // Only A1s changed: the declarations and their structures are the old snapshot's.
        Assert.Same(snapshot.Declarations, update.Snapshot.Declarations);
        Assert.Same(snapshot.DeclarationByBlock, update.Snapshot.DeclarationByBlock);
        Assert.Same(snapshot.DeclarationCards, update.Snapshot.DeclarationCards);
        Assert.NotSame(snapshot.A1ByPin, update.Snapshot.A1ByPin);
    }

    private static SedEvaluator Evaluator(ReferenceSnapshot snapshot) => new(snapshot, new EvaluatorOptions { TrackHistory = false });

    private static string Matches(SedEvaluation e) => string.Join(" | ", e.Matches.Select(m => $"{m.Target} {m.Status} {m.TargetId}"));

    private static string Outcome(SedEvaluation e) =>
        string.Join(" | ", e.Matches.Select(m => $"{m.Target} {m.Status} {m.TargetId} {m.Score} {string.Join(",", m.Reasons)}"))
        + " || " + string.Join(",", e.Anomalies.Select(a => $"{a.RuleId}:{a.Reasons}")) + (e.RedFlag ? " RED" : "");

    private sealed record Corpus(List<A1Certificate> A1s, List<PostingDeclaration> Declarations, List<(UnitId Unit, SedRecord Sed)> Seds)
    {
        public static Corpus Make(GeneratorOptions options)
        {
            var register = GeneratedRegister.Make(options);
            var seds = register.Seds.Where(s => !s.Malformed).Select((s, i) => (new UnitId(s.Day, s.EntryName, i), s.Record)).ToList();
            return new Corpus(register.A1s, register.Declarations, seds);
        }

        /// <summary>
        /// A base register and changes over it: one record in ten of each kind arrives late (added),
        /// one in twenty is replaced by a version ending a year earlier, one in twenty is withdrawn
        /// from the topic (removed). Also the records a from-scratch build of the result gets, in
        /// the order <see cref="ReferenceSnapshot.With"/> keeps: the survivors, then the changes.
        /// </summary>
        public (List<A1Certificate>, List<PostingDeclaration>, ReferenceChanges, List<A1Certificate>, List<PostingDeclaration>) Split()
        {
            var changes = new ReferenceChanges();
            var baseA1s = new List<A1Certificate>();
            var changedA1s = new List<A1Certificate>();
            var changedA1Numbers = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < A1s.Count; i++)
            {
                var a = A1s[i];
                switch (i % 20)
                {
                    case 0 or 10:
                        changes.Set(a);
                        changedA1s.Add(a);
                        changedA1Numbers.Add(a.DocumentNumber);
                        continue;
                    case 5:
                        var shortened = a with { End = Earlier(a.End ?? a.Start) };
                        changes.Set(shortened);
                        changedA1s.Add(shortened);
                        changedA1Numbers.Add(a.DocumentNumber);
                        break;
                    case 7:
                        changes.RemoveA1(a.DocumentNumber);
                        changedA1Numbers.Add(a.DocumentNumber);
                        break;
                }
                baseA1s.Add(a);
            }
            var baseDeclarations = new List<PostingDeclaration>();
            var changedDeclarations = new List<PostingDeclaration>();
            var changedIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Declarations.Count; i++)
            {
                var d = Declarations[i];
                switch (i % 20)
                {
                    case 0 or 10 when !changedIds.Contains(d.DeclarationId):
                        changes.Set(d);
                        changedDeclarations.Add(d);
                        changedIds.Add(d.DeclarationId);
                        continue;
                    case 5 when !changedIds.Contains(d.DeclarationId):
                        var shortened = d with { End = Earlier(d.End) };
                        changes.Set(shortened);
                        changedDeclarations.Add(shortened);
                        changedIds.Add(d.DeclarationId);
                        break;
                    case 7 when !changedIds.Contains(d.DeclarationId):
                        changes.RemoveDeclaration(d.DeclarationId);
                        changedIds.Add(d.DeclarationId);
                        break;
                }
                baseDeclarations.Add(d);
            }
            var expectedA1s = baseA1s.Where(a => !changedA1Numbers.Contains(a.DocumentNumber)).Concat(changedA1s).ToList();
            // The same declaration id may come in several versions: every version of a changed id goes.
            var expectedDeclarations = baseDeclarations.Where(d => !changedIds.Contains(d.DeclarationId)).Concat(changedDeclarations).ToList();
            return (baseA1s, baseDeclarations, changes, expectedA1s, expectedDeclarations);
        }

        private static string Earlier(string date) =>
            DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : date;
    }
}
