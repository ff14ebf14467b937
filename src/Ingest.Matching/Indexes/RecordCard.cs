using System.Runtime.InteropServices;

namespace Ingest.Matching.Indexes;

/// <summary>
/// What scoring reads of one reference record, in 32 bytes (two a cache line): candidates are
/// filtered and, for most, scored from the card and its characters in <see cref="RecordCards.Text"/>
/// without touching the record's objects. A record the card cannot describe exactly (a birth or
/// national name, several nationalities or PINs) is <see cref="IsComplex"/>: scoring reads its objects.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct RecordCard
{
    public const byte ComplexFlag = 1;
    public const byte PeriodFlag = 2;

    /// <summary>DateOnly.DayNumber of the birth date, -1 when unknown.</summary>
    public int BirthDay { get; init; }

    /// <summary>First and last day (open: DateOnly.MaxValue) of the repaired period, when <see cref="HasPeriod"/>.</summary>
    public int PeriodStart { get; init; }

    public int PeriodEnd { get; init; }

    /// <summary>Where the name key starts in the text block; the PIN key follows it.</summary>
    public int TextStart { get; init; }

    /// <summary><see cref="CardHash.Of"/> of the PIN key, 0 when none.</summary>
    public uint PinHash { get; init; }

    /// <summary><see cref="CardHash.Of"/> of the employer key, 0 when none.</summary>
    public uint EmployerHash { get; init; }

    public ushort NameLength { get; init; }

    /// <summary><see cref="CountryCode.Of"/> of the one nationality, 0 when none.</summary>
    public ushort Nationality { get; init; }

    public byte PinLength { get; init; }

    public byte Sex { get; init; }

    public byte Flags { get; init; }

    public bool IsComplex => (Flags & ComplexFlag) != 0;

    public bool HasPeriod => (Flags & PeriodFlag) != 0;

    /// <summary>Whether the card's period overlaps [start, end] (day numbers, inclusive).</summary>
    public bool Overlaps(int start, int end) => HasPeriod && start <= PeriodEnd && PeriodStart <= end;
}
