using System.Runtime.InteropServices;
using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Normalization.Dates;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Candidates from the hashed indexes (PIN + country, blocking keys), scored person by person; the
/// best person is accepted, sent to review or left unmatched, then its record that overlaps the
/// SED's period most is chosen. Stateless: scratch buffers are per thread.
/// </summary>
internal sealed class Matcher(EvaluatorOptions options)
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    public TargetMatch<IndexedA1> MatchA1(SedFeatures sed, ReferenceSnapshot snapshot) =>
        Match(sed, snapshot, snapshot.A1ByPin, snapshot.A1ByBlock, snapshot.A1s, snapshot.A1Cards, MatchTarget.A1);

    public TargetMatch<IndexedDeclaration> MatchDeclaration(SedFeatures sed, ReferenceSnapshot snapshot) =>
        Match(sed, snapshot, snapshot.DeclarationByPin, snapshot.DeclarationByBlock, snapshot.Declarations, snapshot.DeclarationCards, MatchTarget.Declaration);

    /// <summary>
    /// Widening stages, each stopping when a person is accepted: the PINs (most SEDs end here, one
    /// lookup), the name-token + birth-date blocking keys, the whole name with part of the date (a date
    /// mistyped in one component), the whole name alone (a date unknown on one side; a common name
    /// brings its first few dozen namesakes), then the day/month-swapped dates.
    /// A candidate is scored once, in the stage that first finds it; each stage decides on all
    /// candidates found so far.
    /// </summary>
    private TargetMatch<T> Match<T>(SedFeatures sed, ReferenceSnapshot snapshot, HashMultiIndex byPin, HashMultiIndex byBlock, T[] records, RecordCards cards, MatchTarget target)
        where T : ReferenceRecord
    {
        var scratch = t_scratch ??= new Scratch();
        var probe = scratch.Probe;
        probe.Prepare(sed, snapshot);
        scratch.Seen.Clear();
        scratch.Scored.Clear();
        // The first target of a SED warms the other's candidates while its own are scored.
        var other = probe.TakeFirst() ? Other(snapshot, target) : default;
        scratch.Warmed.Clear();
        var found = Stages(sed, probe, byPin, byBlock, records, cards, target, other, scratch);
        if (other.Cards is not null)
        {
            // By now the warmed cards are in: the next lines of the other target's chain follow.
            foreach (var id in CollectionsMarshal.AsSpan(scratch.Warmed))
            {
                other.Cards.PrefetchText(id);
                Prefetch.Element(other.Records!, id);
            }
        }
        return found;
    }

    private TargetMatch<T> Stages<T>(SedFeatures sed, SedProbe probe, HashMultiIndex byPin, HashMultiIndex byBlock, T[] records, RecordCards cards, MatchTarget target,
        OtherTarget other, Scratch scratch)
        where T : ReferenceRecord
    {
        TargetMatch<T>? found = null;
        if (Gather(byPin, probe.PinLookups, scratch.Fresh))
        {
            Warm(other.ByPin, other.Cards, probe.PinLookups, scratch.Warmed);
            ScoreFresh(sed, probe, records, cards, scratch);
            found = Decide(sed, probe, records, cards, scratch, target);
            if (found.PersonAccepted && found.Person.PinExact)
            {
                return WithRecordsWithoutPin(found, byBlock, records, cards);
            }
        }
        if (Gather(byBlock, probe.Keys, scratch.Fresh) || found is null)
        {
            Warm(other.ByBlock, other.Cards, probe.Keys, scratch.Warmed);
            if (ScoreFresh(sed, probe, records, cards, scratch) || found is null)
            {
                found = Decide(sed, probe, records, cards, scratch, target);
            }
            if (found.PersonAccepted)
            {
                return found;
            }
        }
        // Deciding again on the same candidates would give the same answer: only new ones count.
        if (Widen(sed, probe, byBlock, records, cards, target, other, scratch, probe.PartialDateKeys, ref found)
            || Widen(sed, probe, byBlock, records, cards, target, other, scratch, probe.WholeNameKeys, ref found))
        {
            return found;
        }
        if (Gather(byBlock, probe.SwappedKeys, scratch.Fresh) && ScoreFresh(sed, probe, records, cards, scratch))
        {
            found = Decide(sed, probe, records, cards, scratch, target);
        }
        return found;
    }

    /// <summary>A stage of whole-name keys: decides again when they bring new candidates; true when a person is accepted.</summary>
    private bool Widen<T>(SedFeatures sed, SedProbe probe, HashMultiIndex byBlock, T[] records, RecordCards cards, MatchTarget target,
        OtherTarget other, Scratch scratch, List<ulong> keys, ref TargetMatch<T> found)
        where T : ReferenceRecord
    {
        if (!Gather(byBlock, keys, scratch.Fresh))
        {
            return false;
        }
        Warm(other.ByBlock, other.Cards, keys, scratch.Warmed);
        if (!ScoreFresh(sed, probe, records, cards, scratch))
        {
            return false;
        }
        found = Decide(sed, probe, records, cards, scratch, target);
        return found.PersonAccepted;
    }

    private static OtherTarget Other(ReferenceSnapshot snapshot, MatchTarget target) =>
        target == MatchTarget.A1
            ? new(snapshot.DeclarationByPin, snapshot.DeclarationByBlock, snapshot.DeclarationCards, snapshot.Declarations)
            : new(snapshot.A1ByPin, snapshot.A1ByBlock, snapshot.A1Cards, snapshot.A1s);

    /// <summary>The indexes of the target matched after this one (all null when this one is not the first).</summary>
    private readonly record struct OtherTarget(HashMultiIndex? ByPin, HashMultiIndex? ByBlock, RecordCards? Cards, object[]? Records);

    /// <summary>
    /// Prefetches the other target's cards for the keys (whose slots <see cref="SedProbe.Prepare"/>
    /// prefetched): when its turn comes, its lookups and first cards are in cache.
    /// </summary>
    private static void Warm(HashMultiIndex? index, RecordCards? cards, List<ulong> keys, List<int> warmed)
    {
        if (index is null || cards is null)
        {
            return;
        }
        foreach (var key in CollectionsMarshal.AsSpan(keys))
        {
            var id = index.SingleIdOrPrefetchRun(key);
            if (id >= 0)
            {
                cards.Prefetch(id);
                warmed.Add(id);
            }
        }
    }

    /// <summary>
    /// The ids of all keys (at most <see cref="EvaluatorOptions.MaxCandidatesPerKey"/> a key) into
    /// <paramref name="fresh"/>; false when no key has any. All slots are prefetched first.
    /// </summary>
    private bool Gather(HashMultiIndex index, List<ulong> keys, List<int> fresh)
    {
        fresh.Clear();
        var span = CollectionsMarshal.AsSpan(keys);
        foreach (var key in span)
        {
            index.Prefetch(key);
        }
        var cap = options.MaxCandidatesPerKey;
        foreach (var key in span)
        {
            var found = index.Lookup(key);
            if (found.Length > cap)
            {
                found = found[..cap];
            }
            foreach (var id in found)
            {
                fresh.Add(id);
            }
        }
        return fresh.Count > 0;
    }

    /// <summary>
    /// Scores the fresh ids not seen in an earlier stage and adds them to the seen ones (sorted) and,
    /// when they reach review, to the scored ones (sorted by id); false when none was new.
    /// </summary>
    private bool ScoreFresh<T>(SedFeatures sed, SedProbe probe, T[] records, RecordCards cards, Scratch scratch)
        where T : ReferenceRecord
    {
        var fresh = scratch.Fresh;
        var seen = scratch.Seen;
        Dedupe(fresh);
        // Both sorted: one walk keeps the ids not seen yet.
        var w = 0;
        var k = 0;
        for (var r = 0; r < fresh.Count; r++)
        {
            var id = fresh[r];
            while (k < seen.Count && seen[k] < id)
            {
                k++;
            }
            if (k == seen.Count || seen[k] != id)
            {
                fresh[w++] = id;
            }
        }
        fresh.RemoveRange(w, fresh.Count - w);
        if (w == 0)
        {
            return false;
        }
        // Three passes so that the cache misses of one candidate overlap those of the others: all
        // cards fetched, the cheap bound on each card (its name fetched when it passes), the scores.
        var ids = CollectionsMarshal.AsSpan(fresh);
        foreach (var id in ids)
        {
            cards.Prefetch(id);
        }
        var reachable = scratch.Reachable;
        reachable.Clear();
        foreach (var id in ids)
        {
            if (CanReach(sed, probe, records, cards, id))
            {
                reachable.Add(id);
                cards.PrefetchText(id);
                Prefetch.Element(records, id);
            }
        }
        var scored = scratch.Scored;
        var before = scored.Count;
        foreach (var id in CollectionsMarshal.AsSpan(reachable))
        {
            if (Score(sed, probe, records, cards, id) is { } s)
            {
                scored.Add(new ScoredCandidate(id, s));
            }
        }
        // Only the scored candidates' objects are read (by the decision): fetched while it starts.
        for (var i = before; i < scored.Count; i++)
        {
            Prefetch.Target(records, scored[i].Id);
        }
        if (before > 0 && scored.Count > before)
        {
            scored.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        }
        MergeInto(seen, fresh);
        return true;
    }

    /// <summary>Merges sorted <paramref name="ids"/> (none of them in it) into sorted <paramref name="into"/>, from the back.</summary>
    private static void MergeInto(List<int> into, List<int> ids)
    {
        var i = into.Count - 1;
        var j = ids.Count - 1;
        CollectionsMarshal.SetCount(into, into.Count + ids.Count);
        var all = CollectionsMarshal.AsSpan(into);
        for (var w = all.Length - 1; j >= 0; w--)
        {
            all[w] = i >= 0 && all[i] > ids[j] ? all[i--] : ids[j--];
        }
    }

    /// <summary>Whether the candidate may reach review (a cheap bound on the card), or is of the SED's own posting.</summary>
    private bool CanReach<T>(SedFeatures sed, SedProbe probe, T[] records, RecordCards cards, int id)
        where T : ReferenceRecord
    {
        ref readonly var card = ref cards.Cards[id];
        var reach = card.IsComplex
            ? PersonComparer.CanReach(sed.Person, records[id].Person, options.ReviewThreshold)
            : CardScorer.CanReach(sed.Person, probe.PinHashes, card, cards, options.ReviewThreshold);
        return reach || SamePosting(probe, card, records, id);
    }

    /// <summary>The person score of a candidate that passed <see cref="CanReach"/>, or null when it does not reach review.</summary>
    private PersonScore? Score<T>(SedFeatures sed, SedProbe probe, T[] records, RecordCards cards, int id)
        where T : ReferenceRecord
    {
        ref readonly var card = ref cards.Cards[id];
        // A candidate sharing no PIN and names far apart scores NotAPerson whatever else agrees: below
        // any review threshold above that, so the exact name similarity is not needed to turn it down.
        if (!card.IsComplex && options.ReviewThreshold > PersonComparer.NotAPerson && CardScorer.SurelyNotThePerson(sed.Person, probe.PinHashes, card, cards))
        {
            return null;
        }
        var s = card.IsComplex ? PersonComparer.Compare(sed.Person, records[id].Person) : CardScorer.Compare(sed.Person, card, cards);
        if (s.NeedsCorroboration)
        {
            // The record of this very posting (employer and period) vouches for the person.
            if (!SamePosting(probe, card, records, id))
            {
                return null;
            }
            s = s with { Score = Math.Max(s.Score, options.AcceptThreshold) };
        }
        return s.Score < options.ReviewThreshold ? null : s;
    }

    /// <summary>
    /// A person found by PIN may also hold records registered without any PIN (another state's A1
    /// where the person had no number): the PIN lookup cannot reach them, the exact name and birth
    /// date can. One lookup, by a token of the name with the birth date (the records of that name
    /// and date are all under it, and few others: a common whole name has hundreds of namesakes,
    /// beyond the candidates a key yields); the match is returned unchanged when there is none.
    /// </summary>
    private TargetMatch<T> WithRecordsWithoutPin<T>(TargetMatch<T> found, HashMultiIndex byBlock, T[] records, RecordCards cards)
        where T : ReferenceRecord
    {
        // The first record of the person, read from its card while the objects are not needed.
        var firstId = t_scratch!.FirstPersonRecordId;
        ref readonly var first = ref cards.Cards[firstId];
        PersonFeatures? person = null;
        ulong key;
        if (first.IsComplex)
        {
            person = records[firstId].Person;
            if (person.Name.IsEmpty)
            {
                return found;
            }
            key = PersonKey(person.Name.Key, person.BirthDay);
        }
        else
        {
            if (first.NameLength == 0)
            {
                return found;
            }
            key = PersonKey(cards.Name(first), first.BirthDay);
        }
        var candidates = byBlock.Lookup(key);
        if (candidates.Length > options.MaxCandidatesPerKey)
        {
            candidates = candidates[..options.MaxCandidatesPerKey];
        }
        List<T>? all = null;
        foreach (var id in candidates)
        {
            // The card rules out namesakes born another day or holding a PIN without the objects.
            ref readonly var card = ref cards.Cards[id];
            if (card.BirthDay != first.BirthDay || (!card.IsComplex && card.PinLength > 0))
            {
                continue;
            }
            person ??= records[firstId].Person;
            var rec = records[id];
            if (rec.Person.PinKeys.Length == 0 && rec.Person.BirthDay == person.BirthDay && SamePerson(person, rec.Person))
            {
                all ??= [.. found.PersonRecords];
                if (!all.Contains(rec))
                {
                    all.Add(rec);
                }
            }
        }
        return all is null ? found : new TargetMatch<T>
        {
            Result = found.Result, Chosen = found.Chosen, Person = found.Person, PersonRecords = all,
            Ambiguous = found.Ambiguous, PersonAccepted = found.PersonAccepted, CandidateCount = found.CandidateCount,
        };
    }

    /// <summary>
    /// The blocking key under which every record of this name and birth date is indexed: its first
    /// token of two characters or more with the date (<see cref="BlockingKeys"/>); the whole name
    /// when the date is unknown or no token qualifies.
    /// </summary>
    private static ulong PersonKey(ReadOnlySpan<char> name, int birthDay)
    {
        if (birthDay >= 0)
        {
            foreach (var range in name.Split(' '))
            {
                if (range.End.GetOffset(name.Length) - range.Start.GetOffset(name.Length) >= 2)
                {
                    return KeyHash.Of('T', name[range], birthDay);
                }
            }
        }
        return KeyHash.Of('N', name);
    }

    private static void Dedupe(List<int> ids)
    {
        if (ids.Count < 2)
        {
            return;
        }
        // One key's ids come sorted (an index run): most gathers need no sort.
        var span = CollectionsMarshal.AsSpan(ids);
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] < span[i - 1])
            {
                ids.Sort();
                break;
            }
        }
        var w = 1;
        for (var r = 1; r < ids.Count; r++)
        {
            if (ids[r] != ids[w - 1])
            {
                ids[w++] = ids[r];
            }
        }
        ids.RemoveRange(w, ids.Count - w);
    }

    private TargetMatch<T> Decide<T>(SedFeatures sed, SedProbe probe, T[] records, RecordCards cards, Scratch scratch, MatchTarget target)
        where T : ReferenceRecord
    {
        var candidates = scratch.Seen.Count;
        var scored = scratch.Scored;
        var best = -1;
        for (var i = 0; i < scored.Count; i++)
        {
            if (best < 0 || Better(scored[i].Person, scored[best].Person))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            return new TargetMatch<T>
            {
                Result = new MatchResult { Target = target, Status = MatchStatus.Unmatched, Score = 0, Reasons = candidates == 0 ? s_noCandidate : s_belowThreshold },
                CandidateCount = candidates,
            };
        }

        // Of namesakes scoring alike, the one holding a record for the SED's period is the one it
        // speaks of: it wins the tie, and a namesake without such a record does not make it ambiguous.
        var top = scored[best];
        var margin = options.AmbiguityMargin;
        var all = cards.Cards;
        if (probe.HasPeriod && !top.Person.PinExact && !all[top.Id].Overlaps(probe.PeriodStart, probe.PeriodEnd))
        {
            for (var i = 0; i < scored.Count; i++)
            {
                var c = scored[i];
                if (c.Person.Score >= top.Person.Score - margin && (c.Person.Score >= options.AcceptThreshold || top.Person.Score < options.AcceptThreshold)
                    && all[c.Id].Overlaps(probe.PeriodStart, probe.PeriodEnd))
                {
                    best = i;
                    break;
                }
            }
            top = scored[best];
        }
        var topOverlaps = probe.HasPeriod && all[top.Id].Overlaps(probe.PeriodStart, probe.PeriodEnd);
        var bestPerson = records[top.Id].Person;
        var personRecords = new List<T>(2);
        var ambiguous = false;
        foreach (var c in scored)
        {
            var rec = records[c.Id];
            if (SamePerson(bestPerson, rec.Person))
            {
                if (personRecords.Count == 0)
                {
                    scratch.FirstPersonRecordId = c.Id;
                }
                personRecords.Add(rec);
            }
            else if (c.Person.Score >= top.Person.Score - margin && c.Person.Score >= options.AcceptThreshold && !top.Person.PinExact
                && (!topOverlaps || all[c.Id].Overlaps(probe.PeriodStart, probe.PeriodEnd)))
            {
                ambiguous = true;
            }
        }
        var chosen = Choose(personRecords, sed.Period, sed.Now);
        var accepted = top.Person.Score >= options.AcceptThreshold && !ambiguous;
        var reasons = Reasons(top.Person, chosen.Record, chosen.OverlapDays, sed.Period);
        MatchStatus status;
        string? targetId = chosen.Record?.TargetId;
        if (ambiguous)
        {
            status = MatchStatus.Review;
            reasons.Add("several-candidates");
        }
        else if (!accepted)
        {
            status = MatchStatus.Review;
            reasons.Add("score-below-accept");
        }
        else if (sed.Period is not null && chosen.OverlapDays == 0)
        {
            status = MatchStatus.Unmatched;
            targetId = null;
            reasons.Add("person-found-no-overlapping-period");
        }
        else
        {
            status = MatchStatus.Conform;
        }
        return new TargetMatch<T>
        {
            Result = new MatchResult { Target = target, Status = status, TargetId = targetId, Score = Math.Round(top.Person.Score, 4), Reasons = reasons },
            Chosen = status == MatchStatus.Unmatched ? null : chosen.Record,
            Person = top.Person,
            PersonRecords = personRecords,
            Ambiguous = ambiguous,
            PersonAccepted = accepted,
            CandidateCount = candidates,
        };
    }

    /// <summary>
    /// The higher score; of equal scores, the closer name, then the shared nationality. Every record
    /// under the SED's PIN scores 1.0 once the birth date agrees, and a register can hold a second
    /// person under a date-based PIN: the first of them in index order spoke for the person, so the
    /// SED was compared with a stranger's name and nationality (ID-05, ID-06).
    /// </summary>
    private static bool Better(PersonScore a, PersonScore b) =>
        a.Score > b.Score || (a.Score == b.Score && (a.Name > b.Name || (a.Name == b.Name && a.Nationality > b.Nationality)));

    private static readonly string[] s_noCandidate = ["no-candidate"];

    // "name-jw:0.00" … "name-jw:1.00", made once: reasons are built for every matched SED.
    private static readonly string[] s_nameReasons = [.. Enumerable.Range(0, 101).Select(i => "name-jw:" + (i / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly string[] s_belowThreshold = ["candidates-below-threshold"];

    /// <summary>Same PIN, or (no conflicting PIN) same normalised name or birth name and birth date.</summary>
    internal static bool SamePerson(PersonFeatures a, PersonFeatures b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        foreach (var p in a.PinKeys)
        {
            if (Array.IndexOf(b.PinKeys, p) >= 0)
            {
                return true;
            }
            foreach (var q in b.PinKeys)
            {
                // Two PINs of one country that differ beyond a slip: homonyms, not one person.
                if (p.AsSpan(0, 3).SequenceEqual(q.AsSpan(0, 3)) && !PinDistance.IsNear(p, q))
                {
                    return false;
                }
            }
        }
        return a.BirthDay == b.BirthDay && (a.Name.Key == b.Name.Key || (!b.BirthName.IsEmpty && a.Name.Key == b.BirthName.Key) || (!a.BirthName.IsEmpty && a.BirthName.Key == b.Name.Key)
            || (!a.NationalName.IsEmpty && a.NationalName.Key == b.Name.Key) || (!b.NationalName.IsEmpty && a.Name.Key == b.NationalName.Key));
    }

    /// <summary>The record is of the SED's own posting: one of the SED's employer ids, and an overlapping period.</summary>
    /// <summary>
    /// Takes the array and the id, not the record: most candidates (namesakes born another day) are
    /// ruled out by their card, and loading the record's slot first cost a cache miss each.
    /// </summary>
    private static bool SamePosting<T>(SedProbe probe, in RecordCard card, T[] records, int id)
        where T : ReferenceRecord
    {
        if (card.EmployerHash == 0 || !probe.HasPeriod || !card.Overlaps(probe.PeriodStart, probe.PeriodEnd))
        {
            return false;
        }
        for (var i = 0; i < probe.EmployerHashes.Count; i++)
        {
            if (probe.EmployerHashes[i] == card.EmployerHash && string.Equals(probe.EmployerKeys[i], records[id].EmployerKey, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static (T? Record, int OverlapDays) Choose<T>(List<T> records, Period? period, DateOnly? now)
        where T : ReferenceRecord
    {
        T? chosen = null;
        var bestOverlap = -1;
        var probe = period?.Repaired ?? (now is { } n ? new Period(n, n) : (Period?)null);
        foreach (var r in records)
        {
            var overlap = probe is { } p && r.Period is { } rp ? p.OverlapDays(rp.Repaired) : 0;
            if (overlap > bestOverlap || (overlap == bestOverlap && string.CompareOrdinal(r.IssuedOn, chosen!.IssuedOn) > 0))
            {
                chosen = r;
                bestOverlap = overlap;
            }
        }
        return (chosen, Math.Max(0, bestOverlap));
    }

    private static List<string> Reasons(PersonScore s, ReferenceRecord? chosen, int overlapDays, Period? period)
    {
        var reasons = new List<string>(6);
        if (s.PinExact)
        {
            reasons.Add("pin-exact");
        }
        else if (s.PinConflict)
        {
            reasons.Add("pin-differs");
        }
        reasons.Add(s_nameReasons[(int)Math.Round(Math.Clamp(s.Name, 0, 1) * 100)]);
        reasons.Add(s.BirthDate switch
        {
            DateAgreement.Exact => "birth-date-exact",
            DateAgreement.DayMonthSwapped => "birth-date-day-month-swapped",
            DateAgreement.OneComponent => "birth-date-one-component-differs",
            DateAgreement.Different => "birth-date-differs",
            _ => "birth-date-unknown",
        });
        if (s.Sex < 0)
        {
            reasons.Add("sex-differs");
        }
        if (s.Nationality < 0)
        {
            reasons.Add("nationality-differs");
        }
        if (chosen is not null && period is not null && overlapDays > 0)
        {
            reasons.Add(OverlapReason(overlapDays));
        }
        return reasons;
    }

    // "period-overlap:Nd" for the first years of overlap, made on first use (a race only makes one twice).
    private static readonly string?[] s_overlapReasons = new string?[4096];

    private static string OverlapReason(int days)
    {
        if ((uint)days < (uint)s_overlapReasons.Length)
        {
            return s_overlapReasons[days] ??= Make(days);
        }
        return Make(days);

        static string Make(int days) => "period-overlap:" + days.ToString(System.Globalization.CultureInfo.InvariantCulture) + "d";
    }

    private sealed class Scratch
    {
        public readonly SedProbe Probe = new();
        public readonly List<int> Fresh = new(64);
        public readonly List<int> Seen = new(64);
        public readonly List<int> Reachable = new(64);
        public readonly List<int> Warmed = new(16);

        /// <summary>Id of the first of the person's records in the last decision.</summary>
        public int FirstPersonRecordId;
        public readonly List<ScoredCandidate> Scored = new(16);
    }
}
