using System.Text.Json;
using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.Sed.Reporting;

/// <summary>
/// The body of `ingest parse`: parses every unit of a source, writes the chosen output to stdout and
/// error details to stderr, and returns the exit code (0 all SEDs, 3 some not a SED, 2 any malformed).
/// </summary>
public static class ParseRun
{
    public const int ExitAllSeds = 0;
    public const int ExitMalformed = 2;
    public const int ExitNotSed = 3;

    public static async Task<int> RunAsync(IUnitSource source, ISedParser parser, ParseOutputMode mode, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        int seds = 0, notSeds = 0, malformed = 0;
        // A record is printed and forgotten: the next document is parsed into it.
        SedRecord? spare = null;
        await foreach (var unit in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using (unit)
            {
                var outcome = parser.Parse(unit, spare);
                spare = outcome.Sed ?? spare;
                var name = unit.Id.ToString();
                switch (outcome.Kind)
                {
                    case ParseOutcomeKind.Sed:
                        seds++;
                        break;
                    case ParseOutcomeKind.NotSed:
                        notSeds++;
                        break;
                    default:
                        malformed++;
                        break;
                }
                if (outcome.Error is { } error)
                {
                    await stderr.WriteLineAsync(OneLine($"{name}: {error.ErrorCode}: {error.Message} ({Where(unit.Id, error)})")).ConfigureAwait(false);
                }
                switch (mode)
                {
                    case ParseOutputMode.Status:
                        await stdout.WriteLineAsync($"{Field(name)}\t{KindName(outcome.Kind)}\t{Field(Detail(outcome))}").ConfigureAwait(false);
                        break;
                    case ParseOutputMode.Json when outcome.Sed is not null:
                        await stdout.WriteLineAsync(WithUnit(name, JsonSerializer.Serialize(outcome.Sed, SedJsonContext.Default.SedRecord))).ConfigureAwait(false);
                        break;
                    case ParseOutputMode.Summary:
                        await stdout.WriteLineAsync($"{name}  {KindName(outcome.Kind)}  {Summary(outcome)}").ConfigureAwait(false);
                        break;
                }
            }
        }
        if (seds + notSeds + malformed == 0)
        {
            // Not an error (an empty delivery folder is possible), but never silent.
            await stderr.WriteLineAsync("no input units: the paths hold no *.xml, *.zip or *.seds file").ConfigureAwait(false);
        }
        if (mode == ParseOutputMode.Summary)
        {
            await stdout.WriteLineAsync($"{seds + notSeds + malformed} units: {seds} sed, {notSeds} not-sed, {malformed} malformed").ConfigureAwait(false);
        }
        return malformed > 0 ? ExitMalformed : notSeds > 0 ? ExitNotSed : ExitAllSeds;
    }

    public static string KindName(ParseOutcomeKind kind) => kind switch
    {
        ParseOutcomeKind.Sed => "sed",
        ParseOutcomeKind.NotSed => "not-sed",
        _ => "malformed",
    };

    /// <summary>
    /// A status field: a tab, line break or backslash in a file name or a message is escaped (\t, \n,
    /// \r, \\) so that a line is always one unit of three tab-separated fields.
    /// </summary>
    public static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny("\t\n\r\\") < 0)
        {
            return value;
        }
        var sb = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\t' => sb.Append("\\t"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\\' => sb.Append("\\\\"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>An error line on stderr stays one line: its line breaks are escaped (backslashes, common in paths, are not).</summary>
    private static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\n', '\r') < 0 ? value : value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Where an error is: the byte in the file (a frame's bytes start at its offset), then the line and
    /// column in the unit (a frame counts its own lines) and the element.
    /// </summary>
    private static string Where(UnitId unit, QuarantineRecord error) =>
        $"byte {unit.Offset + error.ByteOffset}, line {error.Line}, column {error.Column}{(unit.Offset > 0 ? " of the frame" : "")}, element {error.ElementPath}";

    /// <summary>The SED's JSON object with the unit it came from as its first property.</summary>
    private static string WithUnit(string unit, string sedJson) =>
        $"{{\"unit\":{JsonSerializer.Serialize(unit, SedJsonContext.Default.String)},{sedJson.AsSpan(1)}";

    private static string Detail(ParseOutcome outcome) =>
        outcome.Sed is { } sed ? sed.SedType : $"{outcome.Error!.ErrorCode}: {outcome.Error.Message}";

    private static string Summary(ParseOutcome outcome)
    {
        if (outcome.Sed is not { } sed)
        {
            var e = outcome.Error!;
            return $"{e.ErrorCode}: {e.Message} at {e.Line}:{e.Column}";
        }
        var case_ = sed.Envelope.CaseId.Length > 0 ? $" case {sed.Envelope.CaseId}" : "";
        return $"{sed.SedType} CDM {sed.CdmVersion}{case_} {sed.Person.FamilyName}, {sed.Person.Forename}; {sed.Employers.Count} employer(s), {sed.WorkCountries.Count} work countr(ies){Period(sed.Decision)}";
    }

    private static string Period(DecisionBlock d) =>
        d.PeriodStart is null ? "" : $", period {d.PeriodStart}..{d.PeriodEnd ?? "open"}";
}
