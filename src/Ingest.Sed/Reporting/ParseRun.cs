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
                    await stderr.WriteLineAsync($"{name}: {error.ErrorCode}: {error.Message} (byte {unit.Id.Offset + error.ByteOffset}, line {error.Line}, column {error.Column}, element {error.ElementPath})").ConfigureAwait(false);
                }
                switch (mode)
                {
                    case ParseOutputMode.Status:
                        await stdout.WriteLineAsync($"{name}\t{KindName(outcome.Kind)}\t{Detail(outcome)}").ConfigureAwait(false);
                        break;
                    case ParseOutputMode.Json when outcome.Sed is not null:
                        await stdout.WriteLineAsync(JsonSerializer.Serialize(outcome.Sed, SedJsonContext.Default.SedRecord)).ConfigureAwait(false);
                        break;
                    case ParseOutputMode.Summary:
                        await stdout.WriteLineAsync($"{name}  {KindName(outcome.Kind)}  {Summary(outcome)}").ConfigureAwait(false);
                        break;
                }
            }
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
