using Ingest.Matching.Features;

namespace Ingest.Matching.Scoring;

/// <summary>
/// Scores a reference person against the SED's person. An exact PIN (same country and number)
/// identifies; otherwise names weigh 0.55, birth date 0.30 (day/month swap and a single wrong
/// component tolerated), sex and nationality 0.075 each. A PIN of the same country that differs
/// lowers the score but does not veto: ID-07 reports it. Without a shared PIN, names less than
/// <see cref="NameGate"/> alike never match; a conflicting PIN, a birth date one component off, or
/// a day and month swapped, or another nationality with names only alike, is only tolerated where
/// everything else agrees and the record is of the same posting (<see cref="PersonScore.NeedsCorroboration"/>).
/// </summary>
internal static class PersonComparer
{
    /// <summary>Name similarity below which only a shared PIN can identify (typos and transliterations stay above).</summary>
    public const double NameGate = 0.80;

    /// <summary>With a conflicting PIN, names must agree this well (and the birth date exactly) to stay the same person (ID-07).</summary>
    public const double PinConflictNameFloor = 0.95;

    /// <summary>Score given to a candidate that cannot be the person: below any review threshold.</summary>
    internal const double NotAPerson = 0.6;

    public static PersonScore Compare(PersonFeatures sed, PersonFeatures reference)
    {
        var name = NameSimilarity.Score(sed.Name, reference.Name);
        if (!sed.BirthName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.BirthName, reference.Name));
        }
        if (!reference.BirthName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.Name, reference.BirthName));
        }
        if (!sed.NationalName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.NationalName, reference.Name));
        }
        if (!reference.NationalName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.Name, reference.NationalName));
        }
        var date = Dates(sed.BirthDay, reference.BirthDay);
        var sex = Sex(sed.Sex, reference.Sex);
        var nationality = Nationality(sed.Nationalities, reference.Nationalities);
        var (pinExact, pinConflict) = Pins(sed.PinKeys, reference.PinKeys);
        return Combine(name, date, sex, nationality, pinExact, pinConflict);
    }

    internal static int Sex(byte sed, byte reference) => sed == 0 || reference == 0 ? 0 : sed == reference ? 1 : -1;

    /// <summary>The score from its parts (shared by the comparison of objects and of record cards).</summary>
    internal static PersonScore Combine(double name, DateAgreement date, int sex, int nationality, bool pinExact, bool pinConflict)
    {
        var dateScore = date switch
        {
            DateAgreement.Exact => 1.0,
            DateAgreement.DayMonthSwapped => 0.85,
            DateAgreement.OneComponent => 0.6,
            DateAgreement.Unknown => 0.5,
            _ => 0.0,
        };
        var score = 0.55 * name + 0.30 * dateScore + 0.075 * (sex + 1) / 2.0 + 0.075 * (nationality + 1) / 2.0;
        var corroborate = false;
        if (pinExact)
        {
            // One PIN, another name and another birth date: two people under one number (ID-10), not a slip.
            score = name < NameGate && date is DateAgreement.Different or DateAgreement.OneComponent
                ? NotAPerson
                : Math.Max(score, name >= 0.7 || date == DateAgreement.Exact ? 1.0 : 0.9);
        }
        else if (name < NameGate)
        {
            // Same forename and birth date but another family name is another person: without a
            // shared PIN, names this far apart never reach review however well the rest agrees.
            score = Math.Min(score, NotAPerson);
        }
        else if (pinConflict && (date != DateAgreement.Exact || name < PinConflictNameFloor))
        {
            // Two independent identifiers disagree (a PIN of the same country and the birth date,
            // or the PIN and a name part): a namesake, not the same person with a slip.
            score = Math.Min(score, NotAPerson);
        }
        else if (pinConflict)
        {
            score -= 0.1;
            corroborate = true;
        }
        else if (date == DateAgreement.OneComponent || (date == DateAgreement.Different && name >= PinConflictNameFloor)
            || date == DateAgreement.DayMonthSwapped)
        {
            // A birth date off is how namesakes look: without a shared PIN, only a record of the same
            // posting makes it this person with another date on record (ID-03). So is a day and month
            // swapped, under the same names as under names only alike: in a register of a million
            // workers, OLIVEIRA LUCAS 2003-05-06 of one state and 2003-06-05 of another are two people.
            corroborate = true;
        }
        else if (nationality < 0 && name < PinConflictNameFloor)
        {
            // Another nationality and a name that is only alike: in a register of millions, that is
            // how a namesake sharing a forename and a birth date looks; a record of the same posting vouches.
            corroborate = true;
        }
        return new PersonScore(Math.Clamp(score, 0, 1), name, date, sex, nationality, pinExact, pinConflict, corroborate);
    }

    /// <summary>
    /// Cheap bound before the name comparison: without a shared PIN, a birth date that is plainly
    /// different caps the score at names 0.55 + sex and nationality 0.15 — below any useful threshold.
    /// </summary>
    public static bool CanReach(PersonFeatures sed, PersonFeatures reference, double threshold)
    {
        if (Dates(sed.BirthDay, reference.BirthDay) != DateAgreement.Different)
        {
            return true;
        }
        if (0.70 >= threshold)
        {
            return true;
        }
        foreach (var p in sed.PinKeys)
        {
            if (Array.IndexOf(reference.PinKeys, p) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    internal static DateAgreement Dates(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return DateAgreement.Unknown;
        }
        if (a == b)
        {
            return DateAgreement.Exact;
        }
        var x = DateOnly.FromDayNumber(a);
        var y = DateOnly.FromDayNumber(b);
        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return DateAgreement.DayMonthSwapped;
        }
        var same = (x.Year == y.Year ? 1 : 0) + (x.Month == y.Month ? 1 : 0) + (x.Day == y.Day ? 1 : 0);
        return same == 2 ? DateAgreement.OneComponent : DateAgreement.Different;
    }

    private static int Nationality(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return 1;
            }
        }
        return -1;
    }

    private static (bool Exact, bool Conflict) Pins(string[] sed, string[] reference)
    {
        var conflict = false;
        foreach (var s in sed)
        {
            foreach (var r in reference)
            {
                var (exact, differs) = Pin(s, r);
                if (exact)
                {
                    return (true, false);
                }
                conflict |= differs;
            }
        }
        return (false, conflict);
    }

    /// <summary>Same PIN; or same country prefix "CC:" but another number (a one-key slip is not another person).</summary>
    internal static (bool Exact, bool Conflict) Pin(ReadOnlySpan<char> s, ReadOnlySpan<char> r)
    {
        if (s.SequenceEqual(r))
        {
            return (true, false);
        }
        return (false, s.Length > 3 && r.Length > 3 && s[..3].SequenceEqual(r[..3]) && !PinDistance.IsNear(s, r));
    }
}
