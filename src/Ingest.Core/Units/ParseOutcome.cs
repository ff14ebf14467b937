using Ingest.Core.Seds;

namespace Ingest.Core.Units;

public enum ParseOutcomeKind : byte
{
    /// <summary>A SED of a known type: <see cref="ParseOutcome.Sed"/> is set.</summary>
    Sed = 0,
    /// <summary>Well-formed XML that is not a SED: <see cref="ParseOutcome.Error"/> says what it is.</summary>
    NotSed = 1,
    /// <summary>Not well-formed, refused by the security policy or over a limit.</summary>
    Malformed = 2,
}

/// <summary>Exactly one outcome per input unit: nothing is dropped.</summary>
public readonly record struct ParseOutcome(ParseOutcomeKind Kind, SedRecord? Sed, QuarantineRecord? Error)
{
    public static ParseOutcome Parsed(SedRecord sed) => new(ParseOutcomeKind.Sed, sed, null);
}

/// <summary>Turns one unit's bytes into a SED record or a quarantine record; never throws on bad input.</summary>
public interface ISedParser
{
    ParseOutcome Parse(InputUnit unit);

    /// <summary>
    /// Parses into <paramref name="reuse"/>, a record (and everything it holds) its owner no longer uses,
    /// instead of a new one; a parser that cannot reuse records returns a new one. When the outcome is not
    /// a SED, <paramref name="reuse"/> holds nothing of use and may be passed again.
    /// </summary>
    ParseOutcome Parse(InputUnit unit, Seds.SedRecord? reuse) => Parse(unit);
}
