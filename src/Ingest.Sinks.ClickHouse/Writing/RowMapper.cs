using System.Globalization;
using Ingest.Core.Results;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Normalization.Dates;

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

    public static void SedDocument(IRowTarget t, SedEvaluation e, DateTime received, string runId, DateTime now, ulong evaluation, Pseudonymizer pseudonymizer)
    {
        var s = e.Sed;
        var env = s.Envelope;
        var p = s.Person;
        var d = s.Decision;
        t.String(env.CaseId);
        t.String(env.DocumentId);
        t.UInt32((uint)Math.Max(env.DocumentVersion, 0));
        t.String(s.SedType);
        t.String(s.CdmVersion);
        t.String(env.BucType);
        t.String(env.SenderInstitution);
        t.String(env.ReceiverInstitution);
        t.String(CountryOf(env.SenderInstitution));
        t.DateTime(received);
        // issued_on as the engine reads a SED's issue date (the one an X008 names): created, else received.
        t.Date(Date(env.CreatedAt) is var created && created != s_zeroDate ? created : Date(env.ReceivedAt));
        t.String(p.FamilyName);
        t.String(p.Forename);
        t.String(p.FamilyNameAtBirth);
        t.Date(Date(p.DateBirth));
        t.String(p.Sex);
        Each(t, p.Pins, static pin => pin.Number);
        Each(t, p.Pins, static pin => pin.Country);
        t.Strings(p.Nationalities);
        t.String(d.LegislationState);
        t.String(s.Article);
        t.Date(Date(d.PeriodStart));
        t.Date(Date(d.PeriodEnd));
        t.UInt8(Flag(d.OpenPeriodType is not null || (d.PeriodStart is not null && d.PeriodEnd is null)));
        t.UInt8(Flag(d.ForDurationOfActivity == "1"));
        t.UInt8(Flag(d.InitialDecision != "0"));
        t.Date(Date(d.DatePreviousDecision));
        Each(t, s.WorkCountries, static country => country.Country);
        Each(t, s.Employers, static employer => employer.Name);
        var ids = 0;
        foreach (var employer in s.Employers)
        {
            foreach (var id in employer.Ids)
            {
                ids += string.IsNullOrEmpty(id.Number) ? 0 : 1;
            }
        }
        t.BeginStrings(ids);
        foreach (var employer in s.Employers)
        {
            foreach (var id in employer.Ids)
            {
                if (!string.IsNullOrEmpty(id.Number))
                {
                    t.String(id.Number);
                }
            }
        }
        Each(t, s.Employers, static employer => employer.Address?.Country);
        // As the engine reads it (SedEvaluator): the views compare it with sed_type.
        t.String(s.Invalidation?.TargetSedType?.Trim().ToUpperInvariant());
        t.Date(Date(s.Invalidation?.TargetIssueDate));
        t.UInt8(Flag(s.CancelsWholePeriod));
        t.String(e.PersonKey);
        t.String(pseudonymizer.Pseudonym(e.PersonKey));
        t.UInt8(Flag(e.RedFlag));
        t.Unit(e.Unit);
        t.String(runId);
        t.DateTime(now);
        t.UInt64(evaluation);
        t.EndRow();
    }

    public static void Match(IRowTarget t, SedEvaluation e, MatchResult m, DateTime received, string runId, DateTime now)
    {
        var env = e.Sed.Envelope;
        t.String(env.CaseId);
        t.String(env.DocumentId);
        t.UInt32((uint)Math.Max(env.DocumentVersion, 0));
        t.String(m.Target == MatchTarget.A1 ? "a1" : "declaration");
        t.String(s_statuses[(int)m.Status]);
        t.String(m.TargetId);
        t.Float32((float)m.Score);
        t.Strings(m.Reasons);
        t.String(e.PersonKey);
        t.DateTime(received);
        t.String(runId);
        t.DateTime(now);
        t.EndRow();
    }

    public static void Anomaly(IRowTarget t, SedEvaluation e, Anomaly a, DateTime received, string runId, DateTime now, ulong evaluation)
    {
        var s = e.Sed;
        var env = s.Envelope;
        t.String(a.RuleId);
        t.String(s_severities[(int)a.Severity]);
        t.String(env.CaseId);
        t.String(env.DocumentId);
        t.UInt32((uint)Math.Max(env.DocumentVersion, 0));
        t.String(s.SedType);
        t.String(CountryOf(env.SenderInstitution));
        t.String(s.Decision.LegislationState);
        t.String(a.Reasons);
        t.String(a.FollowUp);
        t.String(e.PersonKey);
        t.DateTime(received);
        t.String(runId);
        t.DateTime(now);
        t.UInt64(evaluation);
        t.EndRow();
    }

    /// <summary>A red-flagged SED waits for an inspector with every reason that took it out of automation.</summary>
    public static void Review(IRowTarget t, SedEvaluation e, DateTime received, string runId, DateTime now, ulong evaluation)
    {
        var env = e.Sed.Envelope;
        var red = 0;
        foreach (var a in e.Anomalies)
        {
            red += a.Severity >= Severity.Red ? 1 : 0;
        }
        t.String(env.CaseId);
        t.String(env.DocumentId);
        t.UInt32((uint)Math.Max(env.DocumentVersion, 0));
        t.String(e.Sed.SedType);
        t.String(CountryOf(env.SenderInstitution));
        t.String(e.PersonKey);
        t.BeginStrings(red);
        foreach (var a in e.Anomalies)
        {
            if (a.Severity >= Severity.Red)
            {
                t.String(a.RuleId);
            }
        }
        t.BeginStrings(red);
        foreach (var a in e.Anomalies)
        {
            if (a.Severity >= Severity.Red)
            {
                t.String($"{a.RuleId}: {a.Reasons}");
            }
        }
        t.DateTime(received);
        t.String(runId);
        t.DateTime(now);
        t.UInt64(evaluation);
        t.EndRow();
    }

    public static void Quarantine(IRowTarget t, QuarantineRecord q, string outcome, string runId, DateTime now, int maxRawBytes)
    {
        t.Unit(q.Unit);
        t.String(q.Unit.Source);
        t.String(q.Unit.Entry);
        t.UInt64((ulong)Math.Max(q.Unit.Offset, 0));
        t.String(outcome);
        t.String(q.ErrorCode);
        t.String(q.Message);
        t.UInt64((ulong)Math.Max(q.ByteOffset, 0));
        t.UInt32((uint)Math.Max(q.Line, 0));
        t.UInt32((uint)Math.Max(q.Column, 0));
        t.String(q.ElementPath);
        t.String(q.Raw.Length <= maxRawBytes ? System.Text.Encoding.Latin1.GetString(q.Raw.Span) : "");
        t.UInt64((ulong)q.Raw.Length);
        t.String(runId);
        t.DateTime(now);
        t.EndRow();
    }

    public static void Run(IRowTarget t, RunRecord r, DateTime now)
    {
        var finished = r.FinishedAt ?? now;
        t.String(r.RunId);
        t.String(r.Kind);
        t.String(r.Status);
        t.String(r.Input);
        t.DateTime(r.StartedAt);
        t.DateTime(finished);
        t.UInt64((ulong)r.UnitsIn);
        t.UInt64((ulong)r.Seds);
        t.UInt64((ulong)r.Quarantined);
        t.UInt64((ulong)r.NotSed);
        t.UInt64((ulong)r.MatchedA1);
        t.UInt64((ulong)r.MatchedDeclarations);
        t.UInt64((ulong)r.Anomalies);
        t.UInt64((ulong)r.RedFlags);
        t.UInt64((ulong)Math.Max(0, (finished - r.StartedAt).TotalMilliseconds));
        t.String(r.Error);
        t.String(r.ToolVersion);
        t.String(r.ServerVersion);
        t.String(Environment.MachineName);
        t.DateTime(now);
        t.EndRow();
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

    /// <summary>
    /// A date as the engine reads it (<see cref="DateNormalizer"/>: CDM dates, date-times, YYYYMMDD,
    /// DD.MM.YYYY…), so the rows' dates are those the rules saw; the zero date when absent, not a date,
    /// or outside what a ClickHouse Date holds (1970–2105).
    /// </summary>
    internal static DateOnly Date(string? raw) =>
        DateNormalizer.Parse(raw) is { IsValid: true, Value: var d } && d.Year is >= 1970 and < 2106 ? d : s_zeroDate;

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

    /// <summary>An Array(String) column with one value per item (static lambdas: nothing allocated).</summary>
    private static void Each<T>(IRowTarget t, List<T> items, Func<T, string?> value)
    {
        t.BeginStrings(items.Count);
        foreach (var item in items)
        {
            t.String(value(item));
        }
    }
}
