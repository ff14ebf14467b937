using Ingest.Matching.Features;
using Ingest.Normalization.Names;

namespace Ingest.Matching.Indexes;

/// <summary>
/// Several blocking keys per person so that one typo, a transliteration variant, swapped names or a
/// birth name still meet: each name token with the birth date (one token may be misspelt); the whole
/// sorted name with the birth year and with the birth month and day (a date mistyped in one component
/// keeps one of the two: the name's namesakes born another day are not all candidates; a query in
/// December or January also tries the neighbouring year); and the
/// whole name without the date (for a person whose date is unknown on one side). Queries look up the
/// day/month-swapped date as a last resort, so the index stores one date only.
/// The whole name without the date is held twice: under 'N' for every record, under 'U' for the records
/// without a birth date. A query whose person has a date looks up only 'U': its namesakes with another
/// known date (a common name has hundreds) differ in the date by more than the dated keys forgive, so
/// they could only be scored to be turned down; a query without a date needs them all ('N').
/// </summary>
internal static class BlockingKeys
{
    private const int MaxTokens = 4;

    /// <summary>
    /// Adds the person's keys; with <paramref name="swapped"/>, also the swapped-date keys a query may
    /// try; with <paramref name="partialDates"/> and <paramref name="wholeNames"/>, the whole name's keys
    /// with part of the date and without it go there instead of into <paramref name="keys"/> (a query
    /// looks them up in stages). Without <paramref name="wholeNames"/> the keys are a record's (or every
    /// key a query might use): the whole name under 'N', and under 'U' too when the date is unknown;
    /// with it they are a query's: 'U' when the person's date is known, 'N' when it is not.
    /// </summary>
    public static void Add(PersonFeatures person, List<ulong> keys, List<ulong>? swapped = null, List<ulong>? partialDates = null, List<ulong>? wholeNames = null)
    {
        var query = wholeNames is not null;
        partialDates ??= keys;
        wholeNames ??= keys;
        AddName(person.Name, person.BirthDay, keys, swapped, partialDates, wholeNames, query);
        if (!person.NationalName.IsEmpty)
        {
            AddName(person.NationalName, person.BirthDay, keys, swapped, partialDates, wholeNames, query);
        }
        if (!person.BirthName.IsEmpty)
        {
            AddName(person.BirthName, person.BirthDay, keys, swapped, partialDates, wholeNames, query);
        }
    }

    private static void AddName(NormalizedName name, int birthDay, List<ulong> keys, List<ulong>? swappedKeys, List<ulong> partialDates, List<ulong> wholeNames, bool query)
    {
        if (name.IsEmpty)
        {
            return;
        }
        if (query)
        {
            wholeNames.Add(KeyHash.Of(birthDay < 0 ? 'N' : 'U', name.Key));
        }
        else
        {
            wholeNames.Add(KeyHash.Of('N', name.Key));
            if (birthDay < 0)
            {
                wholeNames.Add(KeyHash.Of('U', name.Key));
            }
        }
        if (birthDay >= 0)
        {
            var date = DateOnly.FromDayNumber(birthDay);
            partialDates.Add(KeyHash.Of('Y', name.Key, date.Year));
            partialDates.Add(KeyHash.Of('D', name.Key, (date.Month * 100) + date.Day));
            if (query && date.Month is 1 or 12)
            {
                // A date a month or a few days off across New Year differs in the year and in the month
                // and day: the namesakes born in the neighbouring year (a few) are candidates too.
                partialDates.Add(KeyHash.Of('Y', name.Key, date.Month == 1 ? date.Year - 1 : date.Year + 1));
            }
        }
        if (birthDay < 0)
        {
            return;
        }
        var swapped = swappedKeys is null ? -1 : SwappedDay(birthDay);
        var n = 0;
        foreach (var range in name.TokenRanges)
        {
            var token = name.Key.AsSpan(range);
            if (token.Length < 2)
            {
                continue;
            }
            keys.Add(KeyHash.Of('T', token, birthDay));
            if (swapped >= 0)
            {
                swappedKeys!.Add(KeyHash.Of('T', token, swapped));
            }
            if (++n == MaxTokens)
            {
                break;
            }
        }
    }

    /// <summary>The same date with day and month exchanged, or -1 when that is not another valid date.</summary>
    public static int SwappedDay(int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        if (d.Day > 12 || d.Day == d.Month)
        {
            return -1;
        }
        return new DateOnly(d.Year, d.Day, Math.Min(d.Month, DateTime.DaysInMonth(d.Year, d.Day))).DayNumber;
    }
}
