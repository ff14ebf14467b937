using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Reference;
using Ingest.Matching.Features;
using Ingest.Matching.Indexes;
using Ingest.Matching.Scoring;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Matching;

/// <summary>
/// The fast scoring paths give exactly what the plain ones give: Jaro-Winkler with bit masks against
/// the textbook algorithm, name similarity on keys against the token lists, and person scores read
/// from record cards against the same scores read from the records' objects.
/// </summary>
public sealed class ScoringEquivalenceTests
{
    // Capitals and digits (the bit-mask path), a Polish and a Cyrillic letter, lower case and
    // punctuation (the scanning path), spaces (token boundaries).
    private static readonly char[] s_alphabet = "AAEEIOUNRSTKLMWZ0159ŁЖa-  ".ToCharArray();

    private static Gen<string> Text(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.Elements(s_alphabet).ArrayOf(n)).Select(cs => new string(cs));

    [Property(MaxTest = 500)]
    public Property Jaro_winkler_equals_the_textbook_algorithm() =>
        Prop.ForAll(Text(20).ToArbitrary(), Text(20).ToArbitrary(), (a, b) =>
            JaroWinkler.Similarity(a, b) == Textbook(a, b) && JaroWinkler.Similarity(b, a) == Textbook(b, a));

    [Property(MaxTest = 100)]
    public Property Jaro_winkler_equals_the_textbook_algorithm_on_long_text() =>
        Prop.ForAll(Text(150).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (a, edits) =>
        {
            // A near copy, so that long texts match within the window and transpositions occur.
            var b = a.ToCharArray();
            for (var i = 0; i < edits && b.Length > 1; i++)
            {
                (b[i * 7 % b.Length], b[(i * 7 + 1) % b.Length]) = (b[(i * 7 + 1) % b.Length], b[i * 7 % b.Length]);
            }
            var s = new string(b);
            return JaroWinkler.Similarity(a, s) == Textbook(a, s);
        });

    [Property(MaxTest = 500)]
    public Property Name_similarity_on_keys_equals_the_token_lists() =>
        Prop.ForAll(Names().ToArbitrary(), Names().ToArbitrary(), (a, b) =>
        {
            var x = NameNormalizer.Normalize(a);
            var y = NameNormalizer.Normalize(b);
            return NameSimilarity.Score(x, y) == ByTokens(x, y) && NameSimilarity.Score(y, x) == ByTokens(y, x);
        });

    [Property(MaxTest = 1000)]
    public Property Jaro_winkler_upper_bound_is_never_below_the_similarity() =>
        Prop.ForAll(Text(20).ToArbitrary(), Text(20).ToArbitrary(), (a, b) =>
            JaroWinkler.UpperBound(a, b, JaroWinkler.CharMask(a), JaroWinkler.CharMask(b)) >= JaroWinkler.Similarity(a, b));

    [Property(MaxTest = 1000)]
    public Property A_name_surely_below_the_gate_scores_below_it() =>
        Prop.ForAll(Names().ToArbitrary(), Names().ToArbitrary(), Gen.Elements(0.5, 0.75, 0.8, 0.9, 0.98).ToArbitrary(), (a, b, gate) =>
        {
            var x = NameNormalizer.Normalize(a).Key;
            var y = NameNormalizer.Normalize(b).Key;
            return (!NameSimilarity.SurelyBelow(x, y, gate) || NameSimilarity.Score(x, y) < gate)
                && (!NameSimilarity.SurelyBelow(y, x, gate) || NameSimilarity.Score(y, x) < gate);
        });

    [Fact]
    public void The_name_bound_turns_down_most_namesakes_of_a_forename_and_keeps_every_match()
    {
        // Every pair of a small population: the bound must never rule out a pair at or above the gate
        // (that would change a match), and must rule out most pairs below it (or it saves nothing).
        string[] families = ["KOWALSKI", "KOWALSKY", "NOWAK", "MARTINEZ", "KOVALENKO", "DELACRUZ", "DE LA CRUZ", "MUELLER", "MULLER", "PAPADOPOULOS", "IVANOV", "IVANOVA", "OBRIEN", "SCHMIDT", "POPESCU", "POPESCUL"];
        string[] forenames = ["JAN", "ANNA", "ION", "CONSTANTIN", "MARIA JOSE", "JEAN LUC", "IOANA"];
        var names = (from f in families from g in forenames select NameNormalizer.Normalize(f, g).Key).ToArray();
        int below = 0, ruledOut = 0;
        foreach (var x in names)
        {
            foreach (var y in names)
            {
                var score = NameSimilarity.Score(x, y);
                var sure = NameSimilarity.SurelyBelow(x, y, PersonComparer.NameGate);
                Assert.False(sure && score >= PersonComparer.NameGate, $"{x} / {y}: {score} ruled out");
                below += score < PersonComparer.NameGate ? 1 : 0;
                ruledOut += sure ? 1 : 0;
            }
        }
        Assert.True(ruledOut > below / 2, $"{ruledOut} of {below} pairs below the gate ruled out");
    }

    [Property(MaxTest = 60)]
    public Property Card_scores_equal_object_scores() =>
        Prop.ForAll(People().ArrayOf().ToArbitrary(), People().ToArbitrary(), (records, probe) =>
        {
            var snapshot = ReferenceSnapshot.Build(records, []);
            var sed = PersonFeatures.Create(probe.FamilyName, probe.Forename, probe.FamilyNameAtBirth, null, probe.DateBirth, probe.Sex, probe.Nationalities,
                PersonFeatures.PinKeysOf(probe.PinCountry, probe.Pin));
            var hashes = sed.PinKeys.Select(CardHash.Of).ToList();
            var cards = snapshot.A1Cards;
            for (var id = 0; id < snapshot.A1s.Length; id++)
            {
                var person = snapshot.A1s[id].Person;
                var card = cards.Cards[id];
                if (card.IsComplex != (!person.BirthName.IsEmpty || person.Nationalities.Length > 1))
                {
                    return false;
                }
                if (card.IsComplex)
                {
                    continue;
                }
                foreach (var threshold in (double[])[0.5, 0.74])
                {
                    if (CardScorer.CanReach(sed, hashes, card, cards, threshold) != PersonComparer.CanReach(sed, person, threshold))
                    {
                        return false;
                    }
                }
                var score = CardScorer.Compare(sed, card, cards);
                if (score != PersonComparer.Compare(sed, person))
                {
                    return false;
                }
                if (CardScorer.SurelyNotThePerson(sed, hashes, card, cards) && (score.Score > 0.6 || score.NeedsCorroboration))
                {
                    return false;
                }
            }
            return true;
        });

    [Fact]
    public void A_name_misspelt_scores_alike_both_ways()
    {
        var a = NameNormalizer.Normalize("Kowalski", "Jan");
        var b = NameNormalizer.Normalize("Kowalsky", "Jan");
        Assert.Equal(ByTokens(a, b), NameSimilarity.Score(a, b));
        Assert.InRange(NameSimilarity.Score(a, b), PersonComparer.NameGate, 0.999);
    }

    private static readonly string[] s_families = ["Kowalski", "Kowalsky", "Nowak", "Dela Cruz", "Delacruz", "Müller", "Mueller", "Παπαδόπουλος", "Иванов", "O'Brien"];
    private static readonly string[] s_forenames = ["Jan", "Anna", "Ion", "Constantin", "Maria José", "Jean-Luc"];

    private static Gen<string> Names() =>
        Gen.OneOf(
            Text(24),
            from family in Gen.Elements(s_families)
            from forename in Gen.Elements(s_forenames)
            from swap in Gen.Elements(true, false)
            select swap ? forename + " " + family : family + " " + forename);

    private static Gen<A1Certificate> People() =>
        from family in Gen.Elements(s_families)
        from forename in Gen.Elements(s_forenames)
        from birthName in Gen.Elements<string?>(null, null, null, "Nowak")
        from date in Gen.Elements<string?>("1980-01-02", "1980-02-01", "1980-01-03", "1981-01-02", "1975-06-30", null, "1980-13-45")
        from sex in Gen.Elements<string?>("01", "02", null)
        from nationalities in Gen.Elements<string?[]>([], ["PL"], ["RO"], ["PL", "RO"], ["XX1"])
        from pin in Gen.Elements<string?>(null, TestData.PeselOf("8001020001"), TestData.PeselOf("8001020010"), TestData.PeselOf("8001020002"), TestData.PeselOf("7501011111"), "12345")
        from country in Gen.Elements("PL", "RO")
        select TestData.A1 with
        {
            FamilyName = family,
            Forename = forename,
            FamilyNameAtBirth = birthName,
            DateBirth = date,
            Sex = sex,
            Nationalities = nationalities,
            Pin = pin,
            PinCountry = pin is null ? null : country,
        };

    /// <summary>Jaro-Winkler as usually written (matched flags as booleans), texts cut at 128 characters.</summary>
    private static double Textbook(string a, string b)
    {
        if (a == b)
        {
            return a.Length == 0 ? 0 : 1;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        a = a[..Math.Min(a.Length, 128)];
        b = b[..Math.Min(b.Length, 128)];
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (aMatched[i])
            {
                while (!bMatched[k])
                {
                    k++;
                }
                transpositions += a[i] != b[k++] ? 1 : 0;
            }
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>Name similarity over the token lists, as it was written before it read keys.</summary>
    private static double ByTokens(NormalizedName a, NormalizedName b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }
        if (a.Key == b.Key)
        {
            return 1;
        }
        var n = Math.Min(a.Tokens.Count, 8);
        var m = Math.Min(b.Tokens.Count, 8);
        var bestA = new double[n];
        var bestB = new double[m];
        var partnerA = new string[n];
        var partnerB = new string[m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var s = Textbook(a.Tokens[i], b.Tokens[j]);
                if (s > bestA[i])
                {
                    (bestA[i], partnerA[i]) = (s, b.Tokens[j]);
                }
                if (s > bestB[j])
                {
                    (bestB[j], partnerB[j]) = (s, a.Tokens[i]);
                }
            }
        }
        double sum = 0, weight = 0;
        var unpaired = false;
        for (var i = 0; i < n; i++)
        {
            sum += bestA[i] * a.Tokens[i].Length;
            weight += a.Tokens[i].Length;
            unpaired |= n <= m && Unpaired(bestA[i], a.Tokens[i], partnerA[i]);
        }
        for (var j = 0; j < m; j++)
        {
            sum += bestB[j] * b.Tokens[j].Length;
            weight += b.Tokens[j].Length;
            unpaired |= m <= n && Unpaired(bestB[j], b.Tokens[j], partnerB[j]);
        }
        var tokens = weight == 0 ? 0 : sum / weight;
        if (unpaired)
        {
            tokens = Math.Min(tokens, NameSimilarity.UnpairedCeiling);
        }
        if (tokens >= 0.97 || a.Tokens.Count == b.Tokens.Count)
        {
            return tokens;
        }
        var joined = Textbook(a.Key.Replace(" ", "", StringComparison.Ordinal), b.Key.Replace(" ", "", StringComparison.Ordinal));
        return Math.Max(tokens, joined * 0.98);
    }

    private static bool Unpaired(double best, string token, string? partner) =>
        best < NameSimilarity.UnpairedToken
        || (best < NameSimilarity.CloseToken && OptimalStringAlignment(token, partner!) > 1 && !SameConsonants(token, partner!));

    /// <summary>Consonants with doubled letters collapsed, by regular expressions: equal and at least two.</summary>
    private static bool SameConsonants(string x, string y)
    {
        static string Skeleton(string s) => System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(s, "(.)\\1+", "$1"), "[AEIOUY]", "");
        // Doubled letters first, then vowels: "MUHAMMAD" keeps M-H-M-D, as the product reads it.
        return Skeleton(x) == Skeleton(y) && Skeleton(x).Length >= 2;
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit, by the textbook table.</summary>
    private static int OptimalStringAlignment(string x, string y)
    {
        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= y.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[x.Length, y.Length];
    }
}
