using System.Buffers;
using Ingest.Core.Seds;
using Ingest.Matching.Features;
using Ingest.Matching.Linking;
using Ingest.Matching.Scoring;
using Ingest.Normalization.Countries;
using Ingest.Normalization.Dates;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Rules;

/// <summary>Facts several rules share, computed from a <see cref="RuleContext"/>.</summary>
internal static class RuleFacts
{
    /// <summary>An Art. 16 agreement, however the article was written ("16", "16(1)" normalised to "16.1", "16.2").</summary>
    public static bool IsArticle16(string? article) => article is not null && (article == "16" || article.StartsWith("16.", StringComparison.Ordinal));

    /// <summary>The SED's main employer (role Employer), if any.</summary>
    public static EmployerFeatures? MainEmployer(SedFeatures sed)
    {
        foreach (var e in sed.Employers)
        {
            if (e.Role == EmployerRole.Employer)
            {
                return e;
            }
        }
        return null;
    }

    public static string MainEmployerKey(SedFeatures sed) => MainEmployer(sed) is { IdKeys.Length: > 0 } e ? e.IdKeys[0] : "";

    /// <summary>An amending decision (InitialDecision 0 or a previous decision's date): a correction of an earlier one.</summary>
    public static bool IsAmendment(SedFeatures sed) =>
        sed.Sed.Decision.InitialDecision?.Trim() == "0" || !string.IsNullOrWhiteSpace(sed.Sed.Decision.DatePreviousDecision);

    public static bool HasSelfEmployment(SedFeatures sed)
    {
        foreach (var e in sed.Employers)
        {
            if (e.Role == EmployerRole.SelfEmployment)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Same employer: a shared id key, else (no ids on one side) names at least 0.9 alike.</summary>
    public static bool SameEmployer(string keyA, NormalizedName nameA, string keyB, NormalizedName nameB)
    {
        if (keyA.Length > 0 && keyB.Length > 0)
        {
            return keyA == keyB;
        }
        return !nameA.IsEmpty && !nameB.IsEmpty && NameSimilarity.Score(nameA, nameB) >= 0.9;
    }

    /// <summary>Every nationality given is outside the coordination area (refugees and stateless persons are covered).</summary>
    public static bool ThirdCountryNational(SedFeatures sed)
    {
        var n = sed.Person.Nationalities;
        if (n.Length == 0)
        {
            return false;
        }
        foreach (var c in n)
        {
            if (CountryNormalizer.IsCoordinated(c) || c is "XR" or "XS")
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The state receiving the SED, whose own A1s are local (France when the envelope does not say).</summary>
    public static string LocalState(SedFeatures sed) => sed.ReceiverCountry ?? "FR";

    public static bool HostIsFrance(SedFeatures sed) =>
        sed.WorkCountries.Length == 0 ? sed.ReceiverCountry == "FR" : Array.IndexOf(sed.WorkCountries, "FR") >= 0;

    private static readonly string[] s_domiciliation =
    [
        "c/o ", "c/o,", "care of", "business centre", "business center", "domiciliation", "domiciliación", "domiciliazione",
        "virtual office", "geschäftszentrum", "centrum biznesowe", "biuro wirtualne",
    ];

    private static readonly SearchValues<string> s_anyDomiciliation = SearchValues.Create(s_domiciliation, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The marker found when an address is a domiciliation ("c/o", a business centre, a virtual office:
    /// a seat without premises of its own), else null. An ordinary business park is no such marker.
    /// </summary>
    public static string? Domiciliation(AddressEntry address)
    {
        foreach (var part in (ReadOnlySpan<string?>)[address.Street, address.BuildingName])
        {
            // One scan for all markers rules out nearly every address; one that holds any is asked
            // marker by marker, so the first marker of the list is the one reported.
            if (string.IsNullOrEmpty(part) || part.AsSpan().IndexOfAny(s_anyDomiciliation) < 0)
            {
                continue;
            }
            foreach (var marker in s_domiciliation)
            {
                if (part.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    return marker.TrimEnd(' ', ',');
                }
            }
        }
        return null;
    }

    /// <summary>A name holding a test or placeholder word (DOMAIN §4.12): nobody's name.</summary>
    public static bool IsPlaceholderName(NormalizedName name)
    {
        foreach (var range in name.TokenRanges)
        {
            if (name.Key.AsSpan(range) is "TEST" or "TESTER" or "DUMMY" or "XXX" or "XXXX" or "PLACEHOLDER" or "NONAME")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Earlier postings of the person in their current state: not invalidated, not superseded by a newer
    /// version or an amending decision, other cases than this SED's (its own case is its own posting).
    /// </summary>
    public static OtherPostingsOf OtherPostings(RuleContext c) => new(c.PersonHistory, c.Sed.Sed.Envelope.CaseId);

    /// <summary>A filter over the person's history as a struct enumerable: several rules ask for every SED.</summary>
    public readonly struct OtherPostingsOf(HistoryView[] history, string caseId)
    {
        public Enumerator GetEnumerator() => new(history, caseId);

        public struct Enumerator(HistoryView[] history, string caseId)
        {
            private int _next;

            public HistoryView Current { get; private set; } = null!;

            public bool MoveNext()
            {
                while (_next < history.Length)
                {
                    var e = history[_next++];
                    if (e.IsPosting && !e.Invalidated && !e.Superseded && e.Period is { IsInverted: false } && !e.IsOfCase(caseId))
                    {
                        Current = e;
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /// <summary>
    /// A period starting on <paramref name="nextStart"/> follows one ending on <paramref name="previousEnd"/>
    /// with a gap under 2 months (PER-03, PER-04, the chains of A13-03): in calendar months, as the
    /// regulation counts them (an overlap counts too).
    /// </summary>
    public static bool WithinTwoMonths(DateOnly previousEnd, DateOnly nextStart) => nextStart < previousEnd.PlusMonths(2);

    /// <summary>
    /// Merges periods whose gaps are under 2 months (<see cref="WithinTwoMonths"/>) and returns the block
    /// that contains <paramref name="current"/>: its start, end and how many periods it joined.
    /// </summary>
    public static (DateOnly Start, DateOnly End, int Count) ChainAround(Period current, List<Period> others)
    {
        others.Add(current);
        others.Sort((a, b) => a.Start.CompareTo(b.Start));
        var start = others[0].Start;
        var end = others[0].EffectiveEnd;
        var count = 1;
        var containsCurrent = others[0] == current;
        for (var i = 1; i < others.Count; i++)
        {
            var p = others[i];
            if (WithinTwoMonths(end, p.Start))
            {
                if (p.EffectiveEnd > end)
                {
                    end = p.EffectiveEnd;
                }
                count++;
            }
            else
            {
                if (containsCurrent)
                {
                    return (start, end, count);
                }
                start = p.Start;
                end = p.EffectiveEnd;
                count = 1;
            }
            containsCurrent |= p == current;
        }
        return (start, end, count);
    }

    /// <summary>The longest run of periods (sorted in place) whose gaps stay under 2 months (<see cref="WithinTwoMonths"/>).</summary>
    public static (DateOnly Start, DateOnly End, int Count) LongestChain(List<Period> periods)
    {
        periods.Sort((a, b) => a.Start.CompareTo(b.Start));
        (DateOnly Start, DateOnly End, int Count) best = (periods[0].Start, periods[0].EffectiveEnd, 1);
        var current = best;
        for (var i = 1; i < periods.Count; i++)
        {
            var p = periods[i];
            current = WithinTwoMonths(current.End, p.Start)
                ? (current.Start, p.EffectiveEnd > current.End ? p.EffectiveEnd : current.End, current.Count + 1)
                : (p.Start, p.EffectiveEnd, 1);
            if (current.End.DayNumber - current.Start.DayNumber > best.End.DayNumber - best.Start.DayNumber)
            {
                best = current;
            }
        }
        return best;
    }

    /// <summary>Longer than 24 months: the end falls after start + 24 months − 1 day.</summary>
    public static bool Over24Months(DateOnly start, DateOnly end) => end > start.PlusMonths(24).PlusDays(-1);
}
