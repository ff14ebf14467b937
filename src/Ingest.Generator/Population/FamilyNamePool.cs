namespace Ingest.Generator.Population;

/// <summary>
/// The family names a country's persons are drawn from: the profile's list, its most frequent names,
/// and a long tail spliced from them at syllable boundaries (the start of one name up to a vowel,
/// the end of another from the consonant after it: "Kowa|lski" and "Wó|jcik" give "Kowajcik"), as
/// real registers have thousands of rarer names behind a few frequent ones. With the list alone a
/// year's million persons shared about 5 700 full names, and two persons with one name and birth
/// date were a hundred times more common than in a real population, which the cross-SED rules
/// rightly took for one person. Native-script names (Greek, Cyrillic) are spliced at the same
/// syllables as their Latin forms, so the two stay aligned.
/// </summary>
public sealed class FamilyNamePool
{
    /// <summary>Share of persons bearing one of the profile's own names.</summary>
    public const double HeadShare = 0.15;

    private const int MinLetters = 4;
    private const int MinPrefix = 2;
    private const int MaxLetters = 14;

    private readonly int _head;

    private FamilyNamePool(string[] latin, string[]? native, int head)
    {
        Latin = latin;
        Native = native;
        _head = head;
    }

    /// <summary>Entries as in the profile ("masculine/feminine" or one form): the profile's first, then the tail.</summary>
    public string[] Latin { get; }

    /// <summary>The native-script form of each entry, when the profile has one.</summary>
    public string[]? Native { get; }

    public int HeadCount => _head;

    public int Draw(DetRandom rng) =>
        Latin.Length == _head || rng.Chance(HeadShare) ? rng.Next(_head) : _head + rng.Next(Latin.Length - _head);

    public static FamilyNamePool Build(CountryProfile profile)
    {
        var names = profile.FamilyNames;
        var natives = profile.NativeFamilyNames;
        var donors = new List<Donor>();
        for (var i = 0; i < names.Length; i++)
        {
            if (Donor.TryCreate(names[i], natives?[i], out var donor))
            {
                donors.Add(donor);
            }
        }
        var latin = new List<string>(names);
        var native = natives is null ? null : new List<string>(natives);
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var start in donors)
        {
            for (var k = 1; k < start.Cuts; k++)
            {
                if (start.Prefix(k).Length < MinPrefix)
                {
                    // "A|poulos", "Á|lvarez": a capital vowel alone starts no name.
                    continue;
                }
                foreach (var end in donors)
                {
                    if (ReferenceEquals(start, end))
                    {
                        continue;
                    }
                    for (var j = 1; j < end.Cuts; j++)
                    {
                        var masculine = start.Prefix(k) + end.Suffix(j, feminine: false);
                        if (masculine.Length is < MinLetters or > MaxLetters)
                        {
                            continue;
                        }
                        if (end.Gendered && (!start.HasFeminineStem(k) || !end.HasFeminineSuffix(j)))
                        {
                            // A woman would bear the masculine form.
                            continue;
                        }
                        var entry = end.Gendered ? masculine + "/" + start.Prefix(k) + end.Suffix(j, feminine: true) : masculine;
                        if (!seen.Add(entry))
                        {
                            continue;
                        }
                        latin.Add(entry);
                        if (native is not null)
                        {
                            var nm = start.NativePrefix(k) + end.NativeSuffix(j, feminine: false);
                            native.Add(entry.Contains('/', StringComparison.Ordinal) ? nm + "/" + start.NativePrefix(k) + end.NativeSuffix(j, feminine: true) : nm);
                        }
                    }
                }
            }
        }
        return new FamilyNamePool([.. latin], native?.ToArray(), names.Length);
    }

    /// <summary>One listed name cut after each of its vowel groups but the last.</summary>
    private sealed class Donor
    {
        private readonly string _masculine;
        private readonly string? _feminine;
        private readonly int[] _cuts;
        private readonly int[]? _feminineCuts;
        private readonly string? _nativeMasculine;
        private readonly string? _nativeFeminine;
        private readonly int[]? _nativeCuts;
        private readonly int[]? _nativeFeminineCuts;

        private Donor(string masculine, string? feminine, int[] cuts, int[]? feminineCuts, string? nativeMasculine, string? nativeFeminine, int[]? nativeCuts, int[]? nativeFeminineCuts)
        {
            (_masculine, _feminine, _cuts, _feminineCuts) = (masculine, feminine, cuts, feminineCuts);
            (_nativeMasculine, _nativeFeminine, _nativeCuts, _nativeFeminineCuts) = (nativeMasculine, nativeFeminine, nativeCuts, nativeFeminineCuts);
        }

        /// <summary>Vowel groups: cut k (1-based) falls after the k-th; a prefix or suffix needs at least one.</summary>
        public int Cuts => _cuts.Length + 1;

        public bool Gendered => _feminine is not null;

        public string Prefix(int k) => _masculine[.._cuts[k - 1]];

        public string Suffix(int j, bool feminine) =>
            feminine && _feminine is not null ? _feminine[_feminineCuts![j - 1]..] : _masculine[_cuts[j - 1]..];

        public string NativePrefix(int k) => _nativeMasculine![.._nativeCuts![k - 1]];

        public string NativeSuffix(int j, bool feminine) =>
            feminine && _nativeFeminine is not null ? _nativeFeminine[_nativeFeminineCuts![j - 1]..] : _nativeMasculine![_nativeCuts![j - 1]..];

        /// <summary>Whether the feminine form has a j-th cut ("Papadopou|los" has none in "Papadopoulou").</summary>
        public bool HasFeminineSuffix(int j) => _feminineCuts is not null && j <= _feminineCuts.Length
            && (_nativeFeminineCuts is null || j <= _nativeFeminineCuts.Length);

        /// <summary>Whether the feminine form shares the masculine prefix, so the splice can be gendered too.</summary>
        public bool HasFeminineStem(int k) => _feminine is null || _feminine.StartsWith(Prefix(k), StringComparison.Ordinal);

        public static bool TryCreate(string entry, string? nativeEntry, out Donor donor)
        {
            donor = null!;
            var (m, f) = Split(entry);
            if (!IsSingleWord(m) || (f is not null && !IsSingleWord(f)))
            {
                return false;
            }
            var cuts = VowelGroupEnds(m);
            var feminineCuts = f is null ? null : VowelGroupEnds(f);
            if (cuts.Length == 0 || feminineCuts is { Length: 0 })
            {
                return false;
            }
            string? nm = null, nf = null;
            int[]? nativeCuts = null, nativeFeminineCuts = null;
            if (nativeEntry is not null)
            {
                // Aligned only when both scripts show the same syllables; otherwise the name gives no parts.
                (nm, nf) = Split(nativeEntry);
                nativeCuts = VowelGroupEnds(nm);
                nativeFeminineCuts = nf is null ? null : VowelGroupEnds(nf);
                if (nativeCuts.Length != cuts.Length || (f is null) != (nf is null) || (nativeFeminineCuts is not null && nativeFeminineCuts.Length != feminineCuts!.Length))
                {
                    return false;
                }
            }
            donor = new Donor(m, f, cuts, feminineCuts, nm, nf, nativeCuts, nativeFeminineCuts);
            return true;
        }

        private static (string Masculine, string? Feminine) Split(string entry)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? (entry, null) : (entry[..slash], entry[(slash + 1)..]);
        }

        private static bool IsSingleWord(string s)
        {
            foreach (var c in s)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }
            return s.Length > 0 && char.IsUpper(s[0]);
        }

        /// <summary>The index after each vowel group except the last (cuts keep a vowel on both sides).</summary>
        private static int[] VowelGroupEnds(string s)
        {
            var ends = new List<int>();
            for (var i = 0; i < s.Length; i++)
            {
                if (IsVowel(s, i) && (i + 1 == s.Length || !IsVowel(s, i + 1)))
                {
                    ends.Add(i + 1);
                }
            }
            if (ends.Count > 0)
            {
                ends.RemoveAt(ends.Count - 1);
            }
            // A cut must leave the suffix starting with a consonant, which a group's end always does
            // unless the name ends there.
            ends.RemoveAll(e => e >= s.Length);
            return [.. ends];
        }

        private static bool IsVowel(string s, int i)
        {
            var c = char.ToLowerInvariant(s[i]);
            if (c is 'y')
            {
                // "Melnyk": a vowel; "Zhelyazkov": a consonant before one.
                return i + 1 == s.Length || !IsVowel(s, i + 1);
            }
            if ("aeiouáàâäãåąăāéèêëęěēíìîïıīóòôöõøőúùûüůűūœæ".Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
            // Greek and Cyrillic (Bulgarian ъ is a vowel; й is not).
            return "αάεέηήιίϊΐοόυύϋΰωώаеиоуъюяэыі".Contains(c, StringComparison.Ordinal);
        }
    }
}
