using System.Globalization;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Turns results into rows in <see cref="Schema.Tables"/> order. Dates the sender wrote badly become
/// 1970-01-01 here (ClickHouse's zero date) — the raw values stay with the normaliser's reasons.
/// </summary>
internal static class RowMapper
{
    private static readonly DateOnly s_zeroDate = new(1970, 1, 1);

    public static object[] SedDocument(SedEvaluation e, DateTime received, string runId, DateTime now, ulong evaluation, Pseudonymizer pseudonymizer)
    {
        var s = e.Sed;
        var env = s.Envelope;
        var p = s.Person;
        var d = s.Decision;
        var pins = new string[p.Pins.Count];
        var pinCountries = new string[p.Pins.Count];
        for (var i = 0; i < pins.Length; i++)
        {
            pins[i] = p.Pins[i].Number ?? "";
            pinCountries[i] = p.Pins[i].Country ?? "";
        }
        var workCountries = new string[s.WorkCountries.Count];
        for (var i = 0; i < workCountries.Length; i++)
        {
            workCountries[i] = s.WorkCountries[i].Country ?? "";
        }
        var names = new string[s.Employers.Count];
        var ids = new List<string>(s.Employers.Count);
        var countries = new string[s.Employers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var employer = s.Employers[i];
            names[i] = employer.Name ?? "";
            countries[i] = employer.Address?.Country ?? "";
            foreach (var id in employer.Ids)
            {
                if (!string.IsNullOrEmpty(id.Number))
                {
                    ids.Add(id.Number);
                }
            }
        }
        return
        [
            env.CaseId, env.DocumentId, (uint)Math.Max(env.DocumentVersion, 0), s.SedType,
            s.CdmVersion, env.BucType, env.SenderInstitution, env.ReceiverInstitution,
            CountryOf(env.SenderInstitution), received, Date(env.CreatedAt), p.FamilyName ?? "", p.Forename ?? "",
            p.FamilyNameAtBirth ?? "", Date(p.DateBirth), p.Sex ?? "", pins,
            pinCountries, p.Nationalities.ToArray(), d.LegislationState ?? "",
            s.Article ?? "", Date(d.PeriodStart), Date(d.PeriodEnd), Flag(d.OpenPeriodType is not null || (d.PeriodStart is not null && d.PeriodEnd is null)),
            Flag(d.ForDurationOfActivity == "1"), Flag(d.InitialDecision != "0"), Date(d.DatePreviousDecision),
            workCountries, names, ids.ToArray(),
            countries, s.Invalidation?.TargetSedType ?? "", Date(s.Invalidation?.TargetIssueDate),
            e.PersonKey ?? "", pseudonymizer.Pseudonym(e.PersonKey), Flag(e.RedFlag), e.Unit.ToString(),
            runId, now, evaluation,
        ];
    }

    public static object[] Match(SedEvaluation e, MatchResult m, DateTime received, string runId, DateTime now)
    {
        var env = e.Sed.Envelope;
        return
        [
            env.CaseId, env.DocumentId, (uint)Math.Max(env.DocumentVersion, 0), m.Target == MatchTarget.A1 ? "a1" : "declaration",
            m.Status.ToString().ToLowerInvariant(), m.TargetId ?? "", (float)m.Score, m.Reasons.ToArray(),
            e.PersonKey ?? "", received, runId, now,
        ];
    }

    public static object[] Anomaly(SedEvaluation e, Anomaly a, DateTime received, string runId, DateTime now, ulong evaluation)
    {
        var s = e.Sed;
        var env = s.Envelope;
        return
        [
            a.RuleId, a.Severity.ToString().ToUpperInvariant(), env.CaseId, env.DocumentId,
            (uint)Math.Max(env.DocumentVersion, 0), s.SedType, CountryOf(env.SenderInstitution), s.Decision.LegislationState ?? "",
            a.Reasons, a.FollowUp, e.PersonKey ?? "", received,
            runId, now, evaluation,
        ];
    }

    /// <summary>A red-flagged SED waits for an inspector with every reason that took it out of automation.</summary>
    public static object[] Review(SedEvaluation e, DateTime received, string runId, DateTime now, ulong evaluation)
    {
        var env = e.Sed.Envelope;
        var ids = new List<string>();
        var reasons = new List<string>();
        foreach (var a in e.Anomalies)
        {
            if (a.Severity >= Severity.Red)
            {
                ids.Add(a.RuleId);
                reasons.Add($"{a.RuleId}: {a.Reasons}");
            }
        }
        return
        [
            env.CaseId, env.DocumentId, (uint)Math.Max(env.DocumentVersion, 0), e.Sed.SedType,
            CountryOf(env.SenderInstitution), e.PersonKey ?? "", ids.ToArray(), reasons.ToArray(),
            received, runId, now, evaluation,
        ];
    }

    public static object[] Quarantine(QuarantineRecord q, string outcome, string runId, DateTime now, int maxRawBytes)
    {
        var raw = q.Raw.Length <= maxRawBytes ? System.Text.Encoding.Latin1.GetString(q.Raw.Span) : "";
        return
        [
            q.Unit.ToString(), q.Unit.Source, q.Unit.Entry ?? "", (ulong)Math.Max(q.Unit.Offset, 0),
            outcome, q.ErrorCode, q.Message, (ulong)Math.Max(q.ByteOffset, 0),
            (uint)Math.Max(q.Line, 0), (uint)Math.Max(q.Column, 0), q.ElementPath, raw,
            (ulong)q.Raw.Length, runId, now,
        ];
    }

    public static object[] Run(RunRecord r, DateTime now)
    {
        var finished = r.FinishedAt ?? now;
        return
        [
            r.RunId, r.Kind, r.Status, r.Input, r.StartedAt,
            finished, (ulong)r.UnitsIn, (ulong)r.Seds, (ulong)r.Quarantined,
            (ulong)r.NotSed, (ulong)r.MatchedA1, (ulong)r.MatchedDeclarations, (ulong)r.Anomalies,
            (ulong)r.RedFlags, (ulong)Math.Max(0, (finished - r.StartedAt).TotalMilliseconds), r.Error ?? "", r.ToolVersion,
            r.ServerVersion, Environment.MachineName, now,
        ];
    }

    internal static string CountryOf(string institution)
    {
        var colon = institution.IndexOf(':', StringComparison.Ordinal);
        return colon == 2 ? institution[..2].ToUpperInvariant() : "";
    }

    /// <summary>Leading yyyy-MM-dd of a date or date-time; zero date when absent or impossible.</summary>
    internal static DateOnly Date(string? raw)
    {
        if (raw is null || raw.Length < 10)
        {
            return s_zeroDate;
        }
        if (DateOnly.TryParseExact(raw.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d >= s_zeroDate && d.Year < 2106)
        {
            return d;
        }
        return s_zeroDate;
    }

    internal static DateTime Timestamp(string? raw)
    {
        if (raw is not null && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            && t.Year is >= 1970 and < 2106)
        {
            return DateTime.SpecifyKind(t, DateTimeKind.Utc);
        }
        return DateTime.UnixEpoch;
    }

    private static byte Flag(bool value) => value ? (byte)1 : (byte)0;
}
