using Ingest.Matching.Features;

namespace Ingest.Matching.Indexes;

/// <summary>
/// The <see cref="RecordCard"/> of every record of one kind (by record id) and one block of text
/// holding each record's name key followed by its PIN key: a candidate costs one card and, when
/// its name must be compared, one run of characters, instead of a chain of objects.
/// </summary>
internal sealed class RecordCards
{
    private RecordCards(RecordCard[] cards, char[] text)
    {
        Cards = cards;
        Text = text;
    }

    public RecordCard[] Cards { get; }

    public char[] Text { get; }

    public long ApproximateBytes => (long)Cards.Length * 32 + (long)Text.Length * 2;

    public ReadOnlySpan<char> Name(in RecordCard card) => Text.AsSpan(card.TextStart, card.NameLength);

    public ReadOnlySpan<char> Pin(in RecordCard card) => Text.AsSpan(card.TextStart + card.NameLength, card.PinLength);

    /// <summary>Asks the processor to fetch the card of a candidate about to be scored.</summary>
    public void Prefetch(int id) => Indexes.Prefetch.Element(Cards, id);

    /// <summary>Asks the processor to fetch the start of a card's name (the card must be in cache already).</summary>
    public void PrefetchText(int id)
    {
        if (Cards[id].NameLength > 0)
        {
            Indexes.Prefetch.Element(Text, Cards[id].TextStart);
        }
    }

    public static RecordCards Build<T>(T[] records)
        where T : ReferenceRecord
    {
        long length = 0;
        foreach (var r in records)
        {
            if (Describable(r.Person))
            {
                length += r.Person.Name.Key.Length + (r.Person.PinKeys.Length == 1 ? r.Person.PinKeys[0].Length : 0);
            }
        }
        var text = new char[length];
        var cards = new RecordCard[records.Length];
        var at = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            var p = r.Person;
            var describable = Describable(p);
            var pin = p.PinKeys.Length == 1 ? p.PinKeys[0] : "";
            var start = at;
            if (describable)
            {
                p.Name.Key.CopyTo(text.AsSpan(at));
                at += p.Name.Key.Length;
                pin.CopyTo(text.AsSpan(at));
                at += pin.Length;
            }
            var period = r.Period?.Repaired;
            cards[i] = new RecordCard
            {
                BirthDay = p.BirthDay,
                PeriodStart = period?.Start.DayNumber ?? 0,
                PeriodEnd = period?.EffectiveEnd.DayNumber ?? 0,
                TextStart = describable ? start : 0,
                PinHash = CardHash.Of(pin),
                EmployerHash = CardHash.Of(r.EmployerKey),
                NameLength = describable ? (ushort)p.Name.Key.Length : (ushort)0,
                Nationality = p.Nationalities.Length == 1 ? CountryCode.Of(p.Nationalities[0]) : (ushort)0,
                PinLength = describable ? (byte)pin.Length : (byte)0,
                Sex = p.Sex,
                Flags = (byte)((describable ? 0 : RecordCard.ComplexFlag) | (period is null ? 0 : RecordCard.PeriodFlag)),
            };
        }
        return new RecordCards(cards, text);
    }

    /// <summary>Whether a card says all that scoring reads of the person (else scoring reads its objects).</summary>
    private static bool Describable(PersonFeatures p) =>
        p.BirthName.IsEmpty && p.NationalName.IsEmpty && p.PinKeys.Length <= 1 && p.Name.Key.Length <= ushort.MaxValue
        && (p.PinKeys.Length == 0 || p.PinKeys[0].Length is > 0 and <= byte.MaxValue)
        && (p.Nationalities.Length == 0 || (p.Nationalities.Length == 1 && CountryCode.Of(p.Nationalities[0]) != 0));
}
