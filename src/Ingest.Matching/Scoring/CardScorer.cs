using Ingest.Matching.Features;
using Ingest.Matching.Indexes;

namespace Ingest.Matching.Scoring;

/// <summary>
/// <see cref="PersonComparer"/> on a <see cref="RecordCard"/> instead of the record's objects: the
/// same parts and the same arithmetic, so the same <see cref="PersonScore"/>, for every card that
/// is not <see cref="RecordCard.IsComplex"/> (such a record has one name, at most one PIN and one
/// nationality, which is all the card holds).
/// </summary>
internal static class CardScorer
{
    /// <summary><see cref="PersonComparer.CanReach"/>: the PIN compared by hash first, confirmed on the characters.</summary>
    public static bool CanReach(PersonFeatures sed, List<uint> sedPinHashes, in RecordCard card, RecordCards cards, double threshold)
    {
        if (PersonComparer.Dates(sed.BirthDay, card.BirthDay) != DateAgreement.Different)
        {
            return true;
        }
        if (0.70 >= threshold)
        {
            return true;
        }
        return SharesPin(sed, sedPinHashes, card, cards);
    }

    /// <summary>The card's PIN is one of the SED's: compared by hash first, confirmed on the characters.</summary>
    private static bool SharesPin(PersonFeatures sed, List<uint> sedPinHashes, in RecordCard card, RecordCards cards)
    {
        if (card.PinHash == 0)
        {
            return false;
        }
        for (var i = 0; i < sedPinHashes.Count; i++)
        {
            if (sedPinHashes[i] == card.PinHash && sed.PinKeys[i].AsSpan().SequenceEqual(cards.Pin(card)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True only when <see cref="Compare"/> would score the card at most <see cref="PersonComparer.NotAPerson"/>
    /// without corroboration: no PIN in common and every name of the SED's person surely below the name
    /// gate (<see cref="NameSimilarity.SurelyBelow"/>), so the exact name similarity need not be worked out.
    /// </summary>
    public static bool SurelyNotThePerson(PersonFeatures sed, List<uint> sedPinHashes, in RecordCard card, RecordCards cards)
    {
        if (SharesPin(sed, sedPinHashes, card, cards))
        {
            return false;
        }
        var reference = cards.Name(card);
        return NameSimilarity.SurelyBelow(sed.Name.Key, reference, PersonComparer.NameGate)
            && (sed.BirthName.IsEmpty || NameSimilarity.SurelyBelow(sed.BirthName.Key, reference, PersonComparer.NameGate))
            && (sed.NationalName.IsEmpty || NameSimilarity.SurelyBelow(sed.NationalName.Key, reference, PersonComparer.NameGate));
    }

    public static PersonScore Compare(PersonFeatures sed, in RecordCard card, RecordCards cards)
    {
        var reference = cards.Name(card);
        var name = NameSimilarity.Score(sed.Name.Key, reference);
        if (!sed.BirthName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.BirthName.Key, reference));
        }
        if (!sed.NationalName.IsEmpty)
        {
            name = Math.Max(name, NameSimilarity.Score(sed.NationalName.Key, reference));
        }
        var date = PersonComparer.Dates(sed.BirthDay, card.BirthDay);
        var sex = PersonComparer.Sex(sed.Sex, card.Sex);
        var nationality = Nationality(sed.Nationalities, card.Nationality);
        bool pinExact = false, pinConflict = false;
        if (card.PinLength > 0)
        {
            var pin = cards.Pin(card);
            foreach (var s in sed.PinKeys)
            {
                var (exact, conflict) = PersonComparer.Pin(s, pin);
                if (exact)
                {
                    (pinExact, pinConflict) = (true, false);
                    break;
                }
                pinConflict |= conflict;
            }
        }
        return PersonComparer.Combine(name, date, sex, nationality, pinExact, pinConflict);
    }

    private static int Nationality(string[] sed, ushort reference)
    {
        if (sed.Length == 0 || reference == 0)
        {
            return 0;
        }
        foreach (var x in sed)
        {
            if (CountryCode.Of(x) == reference)
            {
                return 1;
            }
        }
        return -1;
    }
}
