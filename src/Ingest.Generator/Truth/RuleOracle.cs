using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Core.Seds;
using Ingest.Generator.Scenarios;

namespace Ingest.Generator.Truth;

/// <summary>
/// Decides which DOMAIN.md §5 rules a SED should fire, from what really happened (the episode and
/// the reference data it produced) and from what the SED finally says. It covers the rules the
/// generator can express; others are never listed. Thresholds are documented in docs/GENERATOR.md.
/// </summary>
public static class RuleOracle
{
    private static readonly HashSet<string> s_eeaCh = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IS", "IE", "IT", "LV", "LI", "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH",
    };

    /// <summary>States where coordination does not cover third-country nationals (EEA, Switzerland, Denmark).</summary>
    private static readonly HashSet<string> s_noTcnCoordination = new(StringComparer.Ordinal) { "DK", "NO", "IS", "LI", "CH", "UK" };

    public static bool IsEeaOrSwiss(string country) => s_eeaCh.Contains(country);

    public static DateOnly? Date(string? raw) =>
        raw is not { Length: >= 10 } ? null
        : Dates.TryParseIso(raw.AsSpan(0, 10), out var fast) ? fast
        : DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(Dossier dossier, List<PlannedSed> seds)
    {
        Arrivals(seds);
        foreach (var s in seds)
        {
            var rules = s.Rules;
            var e = s.Episode;
            var r = s.Record;
            if (e.MalformedSenderId)
            {
                rules.Add("STR-07");
            }
            switch (r.SedType)
            {
                case "A009" when s.IsDecision:
                    Structural(s, rules);
                    Posting(dossier, seds, s, rules);
                    CrossCase(dossier, seds, s, rules);
                    break;
                case "A003" when s.IsDecision:
                    Structural(s, rules);
                    MultiState(s, rules);
                    NoUsablePin(s, rules);
                    break;
                case "A010" when s.IsDecision:
                    Structural(s, rules);
                    NoUsablePin(s, rules);
                    if (LongOrOpen(r))
                    {
                        rules.Add("PER-05");
                    }
                    break;
                case "A008":
                    if (r.Change?.CancelWholePeriod == "1" && e.Declaration is { Status: "active" })
                    {
                        rules.Add("LIFE-03");
                    }
                    break;
                case "X008":
                    rules.Add("LIFE-01");
                    break;
            }
            if (e.Kind == CaseKind.OrphanX || (r.SedType.StartsWith('X') && !ASedArrived(seds, s)))
            {
                // No A-SED of the case reached the engine before this X-SED (none sent, or the one sent was broken).
                rules.Add("STR-09");
            }
            if (s.IsAmendment)
            {
                rules.Add("LIFE-02");
            }
            if (s.PreviousVersion is { } prev && !prev.Malformed && !s.Malformed && MaterialChange(prev.Record, r))
            {
                // Reported by the version whose arrival completes the pair: the newer one, or the older
                // one when it arrives late (out-of-order versions, DOMAIN §4.3).
                var completes = prev.Received > s.Received ? prev.Rules : rules;
                if (!completes.Contains("LIFE-06"))
                {
                    completes.Add("LIFE-06");
                }
            }
        }
    }

    /// <summary>
    /// Whether the engine can tell who the SED is about. A placeholder person ("Test Test",
    /// 1970-01-01, PIN "1": DOMAIN §4.12) cannot be matched to anyone, so neither the A1 nor the
    /// declaration of the real worker is expected, nor any rule that compares with them.
    /// </summary>
    public static bool Identifiable(PlannedSed s) => !s.Episode.Placeholder;

    /// <summary>ID-01: a decision whose person carries no usable PIN (none, or only the placeholder "1").</summary>
    private static void NoUsablePin(PlannedSed s, List<string> rules)
    {
        foreach (var pin in s.Record.Person.Pins)
        {
            if (!(s.Episode.Placeholder && pin.Country == s.Episode.SendingCountry))
            {
                return;
            }
        }
        rules.Add("ID-01");
    }

    /// <summary>The order the engine reads the dossier in: reception day (one batch a day), then as planned.</summary>
    private static void Arrivals(List<PlannedSed> seds)
    {
        var order = new int[seds.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var byDay = DateOnly.FromDateTime(seds[a].Received).CompareTo(DateOnly.FromDateTime(seds[b].Received));
            return byDay != 0 ? byDay : a.CompareTo(b);
        });
        for (var rank = 0; rank < order.Length; rank++)
        {
            seds[order[rank]].Arrival = rank;
        }
    }

    private static bool ASedArrived(List<PlannedSed> seds, PlannedSed x)
    {
        foreach (var o in seds)
        {
            if (o.Record.SedType.StartsWith('A') && o.Record.Envelope.CaseId == x.Record.Envelope.CaseId && !o.Malformed && o.Arrival < x.Arrival)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The posting decision of an episode as the engine knows it when <paramref name="s"/> arrives: the
    /// well-formed decision SED received before it that is current (an amendment over the original, a
    /// newer version over an older one) and not invalidated by then, or null when none has arrived.
    /// </summary>
    private static PlannedSed? KnownDecision(List<PlannedSed> seds, Episode episode, PlannedSed s)
    {
        PlannedSed? current = null;
        foreach (var o in seds)
        {
            if (o.Episode == episode && o.IsDecision && !o.Malformed && o.Arrival < s.Arrival && !InvalidatedBefore(o, s) && (current is null || Supersedes(o, current)))
            {
                current = o;
            }
        }
        return current;
    }

    /// <summary>
    /// Whether the X008 or A008 cancellation that voids <paramref name="decision"/> arrived, readable,
    /// before <paramref name="s"/>: the engine then holds the decision invalid and no longer counts it.
    /// </summary>
    private static bool InvalidatedBefore(PlannedSed decision, PlannedSed s) =>
        decision.InvalidatedBy is { Malformed: false } by && by.Arrival < s.Arrival;

    private static bool Supersedes(PlannedSed newer, PlannedSed older) =>
        newer.IsAmendment != older.IsAmendment ? newer.IsAmendment
        : newer.IsAmendment ? newer.IssuedOn > older.IssuedOn
        : newer.Record.Envelope.DocumentVersion > older.Record.Envelope.DocumentVersion;

    /// <summary>
    /// POST-06 (two employers) and LEG-02 (two states) over overlapping periods; ID-10 one PIN, two
    /// people. Listed on a SED when the engine can see the other side on its arrival: the other
    /// posting's decision received before it, or what the registers hold (the other posting's A1 or
    /// declaration; for ID-10 the other person's A1 or declaration under the same PIN).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CrossCase(Dossier dossier, List<PlannedSed> seds, PlannedSed s, List<string> rules)
    {
        var e = s.Episode;
        if (!Identifiable(s))
        {
            return;
        }
        foreach (var f in dossier.Episodes)
        {
            if (f == e || f.Kind != CaseKind.Posting || f.Person.Id != e.Person.Id || e.End is not { } eEnd || f.End is not { } fEnd
                || f.Start > eEnd || fEnd < e.Start)
            {
                continue;
            }
            var received = KnownDecision(seds, f, s) is not null;
            if (f.Employer.Id != e.Employer.Id && !rules.Contains("POST-06")
                && (received || f.A1 is not null || f.Declaration is { Status: "active" }))
            {
                rules.Add("POST-06");
            }
            if (f.LegislationState != e.LegislationState && !rules.Contains("LEG-02") && (received || f.A1 is not null))
            {
                rules.Add("LEG-02");
            }
        }
        foreach (var pin in s.Record.Person.Pins)
        {
            if (pin.Number is not { } n || pin.Country != e.SendingCountry)
            {
                continue;
            }
            var canonical = Canonical(n);
            foreach (var f in dossier.Episodes)
            {
                if (f.Person.Id != e.Person.Id && SharesPin(seds, f, s, pin.Country, canonical))
                {
                    rules.Add("ID-10");
                    return;
                }
            }
        }
    }

    /// <summary>Another person's episode shows the PIN to the engine: its A009 received before, its A1 or its declaration.</summary>
    private static bool SharesPin(List<PlannedSed> seds, Episode other, PlannedSed s, string country, string canonical)
    {
        if (other.A1 is { Pin: { } a1Pin } a1 && a1.PinCountry == country && Canonical(a1Pin) == canonical)
        {
            return true;
        }
        if (other.Declaration is { WorkerPin: { } dPin } d && d.WorkerPinCountry == country && Canonical(dPin) == canonical)
        {
            return true;
        }
        foreach (var o in seds)
        {
            if (o.Episode == other && o.Record.SedType == "A009" && o.IsDecision && !o.Malformed && o.Arrival < s.Arrival && Identifiable(o))
            {
                foreach (var pin in o.Record.Person.Pins)
                {
                    if (pin.Country == country && pin.Number is { } n && Canonical(n) == canonical)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool MaterialChange(SedRecord a, SedRecord b) =>
        Date(a.Decision.PeriodStart) != Date(b.Decision.PeriodStart) || Date(a.Decision.PeriodEnd) != Date(b.Decision.PeriodEnd)
        || a.Decision.LegislationState != b.Decision.LegislationState || a.Article != b.Article;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LongOrOpen(SedRecord r)
    {
        if (r.Decision.OpenPeriodType is not null)
        {
            return true;
        }
        return Date(r.Decision.PeriodStart) is { } start && Date(r.Decision.PeriodEnd) is { } end && end >= start.AddYears(5);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Structural(PlannedSed s, List<string> rules)
    {
        var r = s.Record;
        var e = s.Episode;
        var start = Date(r.Decision.PeriodStart);
        if (r.Article is null || r.Decision.LegislationState is null || start is null)
        {
            rules.Add("STR-03");
        }
        if (start is { } st && Date(r.Decision.PeriodEnd) is { } end && end < st)
        {
            rules.Add("STR-04");
        }
        if (start is { } st2)
        {
            var applied = e.SendingCountry switch
            {
                "CH" => new DateOnly(2012, 4, 1),
                "NO" or "IS" or "LI" => new DateOnly(2012, 6, 1),
                "HR" => new DateOnly(2013, 7, 1),
                _ => new DateOnly(2010, 5, 1),
            };
            if (st2 < applied)
            {
                rules.Add("STR-05");
            }
            if (st2 > DateOnly.FromDateTime(s.Received).AddYears(1))
            {
                rules.Add("STR-06");
            }
        }
        if (e.Placeholder)
        {
            rules.Add("STR-10");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Posting(Dossier dossier, List<PlannedSed> seds, PlannedSed s, List<string> rules)
    {
        var r = s.Record;
        var e = s.Episode;
        var d = r.Decision;
        var identifiable = Identifiable(s);
        var declaration = identifiable ? e.Declaration : null;
        var start = Date(d.PeriodStart);
        var end = Date(d.PeriodEnd);
        var art12 = r.Article is "01" or "02";
        if (art12 && (d.OpenPeriodType is not null || d.ForDurationOfActivity == "1"))
        {
            rules.Add("PER-01");
        }
        if (art12 && start is { } s0 && end is { } e0 && d.OpenPeriodType is null && e0 >= s0.AddMonths(24))
        {
            rules.Add("PER-02");
        }
        if (!s.IsAmendment && start is { } s1)
        {
            if (s.IssuedOn.DayNumber - s1.DayNumber > 90)
            {
                rules.Add("PER-06");
            }
            if (end is { } e1 && DateOnly.FromDateTime(s.Received) > e1 && d.OpenPeriodType is null)
            {
                rules.Add("PER-07");
            }
        }
        if (identifiable)
        {
            Chains(dossier, seds, s, rules);
        }
        if (identifiable && e.FrenchA1 is { } fr && d.LegislationState != "FR" && start is { } s2 && Date(fr.Start) is { } frStart && Date(fr.End) is { } frEnd
            && frStart <= (end ?? DateOnly.MaxValue) && frEnd >= s2)
        {
            rules.Add("LEG-01");
        }
        if (d.LegislationState is { } state && (state != e.SendingCountry || state == "FR"))
        {
            rules.Add("LEG-04");
        }
        var hasSelf = false;
        var hasEmployer = false;
        foreach (var em in r.Employers)
        {
            hasSelf |= em.Role == EmployerRole.SelfEmployment;
            hasEmployer |= em.Role == EmployerRole.Employer;
        }
        if ((r.Article == "02" && !hasSelf) || (r.Article == "01" && hasSelf && !hasEmployer))
        {
            rules.Add("LEG-08");
        }
        var toFrance = false;
        foreach (var w in r.WorkCountries)
        {
            toFrance |= w.Country == "FR";
        }
        if (!toFrance || r.WorkCountries.Count > 1)
        {
            rules.Add("POST-13");
        }
        foreach (var a in r.Addresses)
        {
            if (a.Type == "01" && a.Country == "FR")
            {
                rules.Add("POST-14");
            }
        }
        if (s_noTcnCoordination.Contains(e.SendingCountry) && !e.Person.Nationalities.Exists(IsEeaOrSwiss))
        {
            rules.Add("ID-09");
        }
        if (r.Article == "01" && toFrance && declaration is null)
        {
            rules.Add("POST-01");
        }
        if (!e.SelfEmployed && e.Employer.Letterbox)
        {
            // Letterbox-like employer: the SED shows its domiciliation address (the other proxies are not in the data).
            rules.Add("POST-07");
        }
        NoUsablePin(s, rules);
        if (identifiable)
        {
            Identity(s, rules);
            Declaration(s, start, end, rules);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Identity(PlannedSed s, List<string> rules)
    {
        var r = s.Record;
        var e = s.Episode;
        if (e.A1 is not { } a1)
        {
            return;
        }
        if (Date(r.Person.DateBirth) is { } birth && Date(a1.DateBirth) is { } a1Birth && birth != a1Birth)
        {
            rules.Add("ID-03");
        }
        if (r.Person.Sex is "01" or "02" && a1.Sex is "01" or "02" && r.Person.Sex != a1.Sex)
        {
            rules.Add("ID-04");
        }
        if (a1.Nationalities.Count > 0 && !r.Person.Nationalities.Exists(n => a1.Nationalities.Contains(n) || (n == "GR" && a1.Nationalities.Contains("EL"))))
        {
            rules.Add("ID-05");
        }
        if (a1.Pin is { } a1Pin)
        {
            foreach (var pin in r.Person.Pins)
            {
                if (pin.Country == a1.PinCountry && pin.Number is { } n && Canonical(n) != Canonical(a1Pin))
                {
                    rules.Add("ID-07");
                    break;
                }
            }
        }
        if (a1.Status == "withdrawn" && e.Declaration is { Status: "active" })
        {
            rules.Add("LIFE-05");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Declaration(PlannedSed s, DateOnly? start, DateOnly? end, List<string> rules)
    {
        var e = s.Episode;
        if (e.Declaration is not { } decl)
        {
            return;
        }
        var dStart = Date(decl.Start)!.Value;
        var dEnd = Date(decl.End)!.Value;
        if ((start is { } st && dStart < st) || (end is { } en && dEnd > en))
        {
            rules.Add("POST-03");
        }
        if (e.DeclarationEmployerDiffers)
        {
            rules.Add("POST-04");
        }
        var hired = Date(decl.HireDate);
        if (hired is { } h && h > e.Start.AddMonths(-1))
        {
            rules.Add("POST-08");
            // A third-country national who also holds an EU/EEA/Swiss nationality is not a third-country worker.
            if (e.Person.ThirdCountryNational && !e.Person.Nationalities.Exists(IsEeaOrSwiss))
            {
                rules.Add("POST-11");
            }
        }
        if (decl.Version == 1 && dEnd >= dStart.AddMonths(12))
        {
            rules.Add("POST-12");
        }
        switch (e.DeclarationCites)
        {
            case "own" when e.A1 is { Status: "withdrawn" or "expired" }:
                // The declaration cites the worker's own A1, which its issuer withdrew: CERT-02 as much as an old one.
                rules.Add("CERT-02");
                break;
            case "unknown":
                rules.Add("CERT-01");
                break;
            case "expired":
                rules.Add("CERT-02");
                break;
        }
    }

    /// <summary>
    /// PER-04 (new posting less than 2 months after the previous one) and PER-03 (chain over 24 months),
    /// same worker and employer. Each earlier posting counts as the engine knows it when this SED
    /// arrives (DOMAIN §4.1, current state): its latest decision received before (amended or newer
    /// version), else its A1; a posting the engine has no trace of breaks the chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Chains(Dossier dossier, List<PlannedSed> seds, PlannedSed s, List<string> rules)
    {
        var e = s.Episode;
        var index = dossier.Episodes.IndexOf(e);
        if (index <= 0 || Date(s.Record.Decision.PeriodStart) is not { } start || Date(s.Record.Decision.PeriodEnd) is not { } end || end < start)
        {
            return;
        }
        var chainStart = start;
        var nextStart = start;
        var chained = false;
        for (var i = index - 1; i >= 0; i--)
        {
            var prev = dossier.Episodes[i];
            if (prev.Kind != CaseKind.Posting || prev.Employer.Id != e.Employer.Id || prev.Person.Id != e.Person.Id || Known(seds, prev, s) is not { } known
                || !(nextStart > known.End && nextStart < known.End.AddMonths(2)))
            {
                break;
            }
            chained |= i == index - 1;
            chainStart = known.Start;
            nextStart = known.Start;
        }
        if (chained)
        {
            rules.Add("PER-04");
            if (end >= chainStart.AddMonths(24))
            {
                rules.Add("PER-03");
            }
        }
    }

    /// <summary>An earlier posting's period as the engine knows it when <paramref name="s"/> arrives.</summary>
    private static (DateOnly Start, DateOnly End)? Known(List<PlannedSed> seds, Episode prev, PlannedSed s)
    {
        if (KnownDecision(seds, prev, s) is { } d)
        {
            return Date(d.Record.Decision.PeriodStart) is { } st && Date(d.Record.Decision.PeriodEnd) is { } en && en >= st ? (st, en) : null;
        }
        return prev.A1 is { } a1 && Date(a1.Start) is { } a1Start && Date(a1.End) is { } a1End ? (a1Start, a1End) : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiState(PlannedSed s, List<string> rules)
    {
        var r = s.Record;
        var e = s.Episode;
        var state = r.Decision.LegislationState;
        if (LongOrOpen(r))
        {
            rules.Add("PER-05");
        }
        if (r.WorkCountries.Count < 2)
        {
            rules.Add("LEG-09");
        }
        string? residence = null;
        foreach (var a in r.Addresses)
        {
            if (a.Type == "01")
            {
                residence = SedCountry(a.Country);
            }
        }
        if (r.Article == "10" && residence != state)
        {
            rules.Add("LEG-10");
        }
        if (r.Article == "11" && e.Employer.Country != state)
        {
            rules.Add("LEG-11");
        }
        foreach (var w in r.WorkCountries)
        {
            if (SedCountry(w.Country) is { } c && !IsEeaOrSwiss(c))
            {
                rules.Add("LEG-12");
                break;
            }
        }
        if (state == "FR" && (e.FrenchA1 is null || Date(e.FrenchA1.End) < Date(r.Decision.PeriodStart)))
        {
            rules.Add("LEG-05");
        }
        if (e.MarginalDesignated)
        {
            rules.Add("A13-01");
        }
    }

    /// <summary>A country code in the SED scheme: ISO's GR and GB are the SEDs' EL and UK (DOMAIN §4.5).</summary>
    public static string? SedCountry(string? code) => code switch
    {
        "GR" => "EL",
        "GB" => "UK",
        _ => code,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Canonical(string pin)
    {
        Span<char> buf = stackalloc char[pin.Length];
        var n = 0;
        foreach (var c in pin)
        {
            if (char.IsLetterOrDigit(c))
            {
                buf[n++] = char.ToUpperInvariant(c);
            }
        }
        return new string(buf[..n]);
    }
}
