using Ingest.Normalization.Dates;

namespace Ingest.Matching.Linking;

/// <summary>
/// One evaluated SED version as the history stores it: texts as ids of <see cref="HistoryTexts"/>,
/// dates as day numbers, and the links that chain it into its case's, persons' and names' groups.
/// A plain struct without references, kept in large arrays: a year's run holds one a SED.
/// </summary>
internal struct HistoryRecord
{
    public int Case;
    public int Document;
    public int Version;
    public int SedType;
    /// <summary>-1 when the SED states none (null, not the empty text).</summary>
    public int State;

    /// <summary>-1 when the sender's country is unknown.</summary>
    public int SenderCountry;
    public int Article;
    public int PersonKey;
    public int ReferencePersonKey;
    public int EmployerKey;
    public int EmployerName;
    public int Name;

    /// <summary>The work countries, each followed by a NUL (XML text cannot hold one).</summary>
    public int WorkCountries;

    /// <summary>The PIN keys, each followed by a NUL.</summary>
    public int PinKeys;

    /// <summary>Day number of the issue date; -1 when none.</summary>
    public int IssueDay;

    /// <summary>Day number of the period's start; -1 when the SED has no period.</summary>
    public int PeriodStart;

    /// <summary>Day number of the period's end; -1 when the period is open.</summary>
    public int PeriodEnd;

    public int BirthDay;
    public ulong NameKey;
    public ulong NationalNameKey;
    public HistoryFlags Flags;

    // Sequence numbers of the next record in each group the record belongs to; -1 ends the group.
    public int NextInCase;
    public int NextInPerson;
    public int NextInReference;
    public int NextInName;
    public int NextInNational;

    public readonly Period? Period => PeriodStart < 0 ? null
        : new Period(DateOnly.FromDayNumber(PeriodStart), PeriodEnd < 0 ? null : DateOnly.FromDayNumber(PeriodEnd));

    public readonly DateOnly? IssueDate => IssueDay < 0 ? null : DateOnly.FromDayNumber(IssueDay);

    /// <summary>Whether any of the flags is set.</summary>
    public readonly bool Has(HistoryFlags flag) => (Flags & flag) != 0;
}

[Flags]
internal enum HistoryFlags : byte
{
    None = 0,
    Amendment = 1,
    WholePeriodCancelled = 2,
    Invalidated = 4,
    Superseded = 8,
    HadConflict = 16,
    ReliedUpon = 32,
    Decision = 64,
    /// <summary>An A008 cancelled its whole period (<see cref="Invalidated"/> is an X008's).</summary>
    Cancelled = 128,
}
