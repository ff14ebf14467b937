using Ingest.Core.Results;
using Ingest.Matching.Features;
using Ingest.Normalization.Dates;
using static Ingest.Matching.Rules.RuleText;

namespace Ingest.Matching.Rules;

/// <summary>LIFE-01…LIFE-07: versions, amendments, invalidations, cancellations and closures.</summary>
internal static class LifecycleRules
{
    public static IEnumerable<ControlRule> Create()
    {
        yield return new ControlRule("LIFE-01", Severity.Red, "X008 invalidates a SED",
            "EESSI X008; 987/2009 Art. 5", ["X008 target type and issue date", "case history"], "re-run controls; review what relied on it", c =>
            {
                if (c.Sed.SedType != "X008" || c.Invalidation is not { } o)
                {
                    return null;
                }
                var target = c.Sed.Sed.Invalidation?.TargetSedType + " of " + c.Sed.Sed.Invalidation?.TargetIssueDate;
                return o.Pending ? new Finding("target " + target + " not received yet; applied on arrival", Severity.Low)
                    : o.Ambiguous ? new Finding("target " + target + " ambiguous: " + I(o.Resolved) + " SEDs invalidated", Severity.Med)
                    : o.TargetReliedUpon ? Hit("invalidated " + target + " (document " + o.TargetDocumentId + ") that controls relied on")
                    : new Finding("invalidated " + target + " (document " + o.TargetDocumentId + ")", Severity.Low);
            });

        yield return new ControlRule("LIFE-02", Severity.Med, "Amending decision supersedes an earlier one",
            "987/2009 Art. 15-16 (amended decisions)", ["Decision.InitialDecision", "Decision.DatePreviousDecision", "case history"], "update the current state", c =>
            {
                var s = c.Sed;
                if (!s.IsDecision || !RuleFacts.IsAmendment(s))
                {
                    return null;
                }
                Linking.HistoryView? previous = null;
                foreach (var e in c.CaseHistory)
                {
                    if (e.SedType == s.SedType && e.DocumentId != s.Sed.Envelope.DocumentId && !e.Invalidated && (previous is null || Later(e, previous)))
                    {
                        previous = e;
                    }
                }
                if (previous is null)
                {
                    return Hit("amends a decision of " + (s.Sed.Decision.DatePreviousDecision ?? "?") + " not received");
                }
                return Hit("amends " + previous.DocumentId + ": " + Diff(previous, s));
            });

        yield return new ControlRule("LIFE-03", Severity.Red, "A008 cancellation while the worker is still declared",
            "987/2009 Art. 15; CDM 4.4 cancellation", ["A008 change", "declarations of the person"], "labour inspection follow-up", c =>
            {
                var s = c.Sed;
                if (!s.Sed.CancelsWholePeriod || s.Sed.Change is not { } change)
                {
                    return null;
                }
                // The cancelled period is the posting decided in this case; a declaration that still stands over it keeps
                // declared days without a legal basis, whether or not they are already in the past.
                var window = s.Period ?? CasePosting(c) ?? (DateNormalizer.Parse(change.EffectiveDate).AsNullable is { } eff ? new Period(eff, null) : new Period(c.Now, null));
                foreach (var d in c.Declaration.PersonAccepted ? c.Declaration.PersonRecords : [])
                {
                    if (!d.IsCancelled && d.Period is { } dp && dp.Overlaps(window))
                    {
                        return Hit("period cancelled, declaration " + d.TargetId + " " + P(dp) + " still active");
                    }
                }
                return null;
            });

        yield return new ControlRule("LIFE-04", Severity.Low, "Open A004 dispute: no red flag on the employer until resolved",
            "987/2009 Art. 6, 16(4)", ["SedType", "case history"], "wait for A012 or conciliation", c =>
            {
                if (c.Sed.SedType == "A004")
                {
                    return Hit("A004 disagreement opened in case " + c.Sed.Sed.Envelope.CaseId);
                }
                var open = false;
                foreach (var e in c.CaseHistory)
                {
                    open = e.SedType == "A004" || (open && e.SedType != "A012");
                }
                return open ? Hit("case " + c.Sed.Sed.Envelope.CaseId + " has an open A004 dispute") : null;
            });

        yield return new ControlRule("LIFE-05", Severity.Red, "A1 withdrawn while the worker is still declared",
            "987/2009 Art. 5(2)-(3)", ["A1s of the person (status)", "declarations of the person"], "labour inspection follow-up", c =>
            {
                if (!c.A1.PersonAccepted || !c.Declaration.PersonAccepted)
                {
                    return null;
                }
                foreach (var a in c.A1.PersonRecords)
                {
                    if (!a.IsWithdrawn || a.Period is not { } ap)
                    {
                        continue;
                    }
                    foreach (var d in c.Declaration.PersonRecords)
                    {
                        if (!d.IsCancelled && d.Period is { } dp && dp.Overlaps(ap))
                        {
                            return Hit("A1 " + a.TargetId + " withdrawn, declaration " + d.TargetId + " " + P(dp) + " active");
                        }
                    }
                }
                return null;
            });

        yield return new ControlRule("LIFE-06", Severity.Med, "Material change between versions of one document",
            "EESSI document versions", ["Envelope.DocumentId", "Envelope.DocumentVersion", "case history"], "review the change", c =>
            {
                // Versions may arrive out of order: the change of a pair is reported by the version whose
                // arrival completes the pair, compared with its nearest older and its nearest newer version.
                var s = c.Sed;
                var version = s.Sed.Envelope.DocumentVersion;
                Linking.HistoryView? older = null, newer = null;
                foreach (var e in c.CaseHistory)
                {
                    if (e.DocumentId != s.Sed.Envelope.DocumentId)
                    {
                        continue;
                    }
                    if (e.Version < version && (older is null || e.Version > older.Version))
                    {
                        older = e;
                    }
                    else if (e.Version > version && (newer is null || e.Version < newer.Version))
                    {
                        newer = e;
                    }
                }
                if (older is null && newer is null)
                {
                    return null;
                }
                // A respelt name is a correction of identity data, not a material change of the decision.
                var before = older is null ? NoChange : Diff(older, s, withName: false);
                var after = newer is null ? NoChange : Diff(newer, s, withName: false);
                var earlier = before == NoChange ? null : "v" + I(older!.Version) + " → v" + I(version) + ": " + before;
                var later = after == NoChange ? null : "v" + I(version) + " (arrived after v" + I(newer!.Version) + ") → v" + I(newer.Version) + ": " + after;
                return earlier is null && later is null ? null : Hit(earlier is null ? later! : later is null ? earlier : earlier + "; " + later);
            });

        yield return new ControlRule("LIFE-07", Severity.Med, "Case closed while a legislation conflict is unresolved",
            "987/2009 Art. 6", ["SedType (X001)", "case history"], "keep the conflict open for review", c =>
            {
                if (c.Sed.SedType != "X001")
                {
                    return null;
                }
                foreach (var e in c.CaseHistory)
                {
                    if (e.HadConflict && !e.Invalidated)
                    {
                        return Hit("closure requested, " + e.SedType + " " + e.DocumentId + " has an unresolved conflict");
                    }
                }
                return null;
            });
    }

    private static bool Later(Linking.HistoryView a, Linking.HistoryView b) =>
        (a.IssueDate ?? DateOnly.MinValue) > (b.IssueDate ?? DateOnly.MinValue) || (a.IssueDate == b.IssueDate && a.Version > b.Version);

    /// <summary>
    /// The period of the case's latest posting decision not invalidated by an X008, if one was received:
    /// a posting an A008 cancelled (this one, on a redelivery, or an earlier one) is the period it cancels.
    /// </summary>
    private static Period? CasePosting(RuleContext c)
    {
        Linking.HistoryView? latest = null;
        foreach (var e in c.CaseHistory)
        {
            if (e.SedType == "A009" && e.IsPosting && !e.InvalidatedByX008 && e.Period is { IsInverted: false }
                && (latest is null || e.IssueDate > latest.IssueDate || (e.IssueDate == latest.IssueDate && e.Version > latest.Version)))
            {
                latest = e;
            }
        }
        return latest?.Period;
    }

    private const string NoChange = "no change";

    private static string Diff(Linking.HistoryView previous, SedFeatures s, bool withName = true)
    {
        var parts = new List<string>(4);
        if (previous.Period != s.Period)
        {
            parts.Add("period " + (previous.Period is { } a ? P(a) : "?") + " → " + (s.Period is { } b ? P(b) : "?"));
        }
        if (previous.State != s.State)
        {
            parts.Add("state " + previous.State + " → " + s.State);
        }
        if (previous.Article != s.Article)
        {
            parts.Add("article " + previous.Article + " → " + s.Article);
        }
        var key = RuleFacts.MainEmployerKey(s);
        if (previous.EmployerKey != key && (previous.EmployerKey.Length > 0 || key.Length > 0))
        {
            parts.Add("employer " + previous.EmployerKey + " → " + key);
        }
        if (withName && previous.Name.Key != s.Person.Name.Key)
        {
            parts.Add("name " + previous.Name.Key + " → " + s.Person.Name.Key);
        }
        return parts.Count == 0 ? NoChange : string.Join("; ", parts);
    }
}
