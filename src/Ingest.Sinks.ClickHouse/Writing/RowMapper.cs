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
    private static readonly string[] s_statuses = [.. Enum.GetValues<MatchStatus>().Select(v => v.ToString().ToLowerInvariant())];
    private static readonly string[] s_severities = [.. Enum.GetValues<Severity>().Select(v => v.ToString().ToUpperInvariant())];
    private static readonly string?[] s_countries = new string?[26 * 26];

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
            pinCountries, p.Nationalities, d.LegislationState ?? "",
            s.Article ?? "", Date(d.PeriodStart), Date(d.PeriodEnd), Flag(d.OpenPeriodType is not null || (d.PeriodStart is not null && d.PeriodEnd is null)),
            Flag(d.ForDurationOfActivity == "1"), Flag(d.InitialDecision != "0"), Date(d.DatePreviousDecision),
            workCountries, names, ids,
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
            s_statuses[(int)m.Status], m.TargetId ?? "", (float)m.Score, m.Reasons,
            e.PersonKey ?? "", received, runId, now,
        ];
    }

    public static object[] Anomaly(SedEvaluation e, Anomaly a, DateTime received, string runId, DateTime now, ulong evaluation)
    {
        var s = e.Sed;
        var env = s.Envelope;
        return
        [
            a.RuleId, s_severities[(int)a.Severity], env.CaseId, env.DocumentId,
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
        if (colon != 2)
        {
            return "";
        }
        var (a, b) = (char.ToUpperInvariant(institution[0]), char.ToUpperInvariant(institution[1]));
        // Codes are two letters: one shared string each instead of two new ones a row.
        return char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b)
            ? s_countries[((a - 'A') * 26) + (b - 'A')] ??= string.Concat(a.ToString(), b.ToString())
            : institution[..2].ToUpperInvariant();
    }

    /// <summary>Leading yyyy-MM-dd of a date or date-time; zero date when absent or impossible.</summary>
    internal static DateOnly Date(string? raw)
    {
        if (raw is null || raw.Length < 10 || raw[4] != '-' || raw[7] != '-'
            || !TryDigits(raw, 0, 4, out var year) || !TryDigits(raw, 5, 2, out var month) || !TryDigits(raw, 8, 2, out var day)
            || year is < 1970 or >= 2106 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return s_zeroDate;
        }
        return new DateOnly(year, month, day);
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = (value * 10) + digit;
        }
        return true;
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
