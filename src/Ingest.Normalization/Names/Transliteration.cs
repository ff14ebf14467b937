namespace Ingest.Normalization.Names;

/// <summary>
/// ICAO Doc 9303 Part 3 transliteration of Greek and Cyrillic capitals (input is upper-cased and
/// decomposed first, so accented forms such as Ё, Й, Ї, ά arrive as their base letter).
/// Latin letters that do not decompose (Ł, Ø, ß, Æ…) are folded here too.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> s_map = Build();

    public static bool TryMap(char c, out string latin) => s_map.TryGetValue(c, out latin!);

    /// <summary>
    /// Cyrillic capitals the Bulgarian Transliteration Act (2009, used on Bulgarian passports and
    /// registers) writes otherwise than ICAO: Х → H, Й → Y, Ъ → A, Щ → SHT, Ю → YU, Я → YA, Ь → Y.
    /// Checked before decomposition, since Й would otherwise arrive as И.
    /// </summary>
    public static bool TryMapNational(char c, out string latin)
    {
        latin = c switch
        {
            'Х' => "H",
            'Й' => "Y",
            'Ъ' => "A",
            'Щ' => "SHT",
            'Ю' => "YU",
            'Я' => "YA",
            'Ь' => "Y",
            _ => "",
        };
        return latin.Length > 0;
    }

    /// <summary>
    /// Greek vowel + Υ digraphs that ICAO writes as AV, EV, OU (I before Y is IV); with
    /// <paramref name="national"/>, ELOT 743's forms: ΓΓ → NG, and AF, EF, IF where the digraph is
    /// followed by a voiceless consonant (θ κ ξ π σ τ φ χ ψ) or ends the word (<paramref name="next"/>:
    /// the folded letter after it, '\0' at the end of the word).
    /// </summary>
    public static string? GreekDigraph(char first, char second, bool national = false, char next = 'Α') => (first, second) switch
    {
        ('Α' or 'Ε' or 'Η', 'Υ') when national && IsVoicelessOrEnd(next) => first switch { 'Α' => "AF", 'Ε' => "EF", _ => "IF" },
        ('Α', 'Υ') => "AV",
        ('Ε', 'Υ') => "EV",
        ('Η', 'Υ') => "IV",
        ('Ο', 'Υ') => "OU",
        ('Γ', 'Γ') when national => "NG",
        _ => null,
    };

    private static bool IsVoicelessOrEnd(char next) => next is '\0' or 'Θ' or 'Κ' or 'Ξ' or 'Π' or 'Σ' or 'Τ' or 'Φ' or 'Χ' or 'Ψ';

    private static Dictionary<char, string> Build()
    {
        var m = new Dictionary<char, string>
        {
            // Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian)
            ['А'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Д'] = "D", ['Е'] = "E", ['Ж'] = "ZH",
            ['З'] = "Z", ['И'] = "I", ['К'] = "K", ['Л'] = "L", ['М'] = "M", ['Н'] = "N", ['О'] = "O",
            ['П'] = "P", ['Р'] = "R", ['С'] = "S", ['Т'] = "T", ['У'] = "U", ['Ф'] = "F", ['Х'] = "KH",
            ['Ц'] = "TS", ['Ч'] = "CH", ['Ш'] = "SH", ['Щ'] = "SHCH", ['Ъ'] = "IE", ['Ы'] = "Y", ['Ь'] = "",
            ['Э'] = "E", ['Ю'] = "IU", ['Я'] = "IA", ['Є'] = "IE", ['І'] = "I", ['Ґ'] = "G", ['Ў'] = "U",
            ['Ђ'] = "D", ['Ј'] = "J", ['Љ'] = "LJ", ['Њ'] = "NJ", ['Ћ'] = "C", ['Џ'] = "DZ", ['Ѕ'] = "DZ",
            // Greek
            ['Α'] = "A", ['Β'] = "V", ['Γ'] = "G", ['Δ'] = "D", ['Ε'] = "E", ['Ζ'] = "Z", ['Η'] = "I",
            ['Θ'] = "TH", ['Ι'] = "I", ['Κ'] = "K", ['Λ'] = "L", ['Μ'] = "M", ['Ν'] = "N", ['Ξ'] = "X",
            ['Ο'] = "O", ['Π'] = "P", ['Ρ'] = "R", ['Σ'] = "S", ['Τ'] = "T", ['Υ'] = "Y", ['Φ'] = "F",
            ['Χ'] = "CH", ['Ψ'] = "PS", ['Ω'] = "O",
            // Latin letters without a canonical decomposition
            ['ß'] = "SS", ['Æ'] = "AE", ['Ø'] = "O", ['Œ'] = "OE", ['Ł'] = "L", ['Đ'] = "D", ['Þ'] = "TH",
            ['Ð'] = "D", ['Ħ'] = "H", ['Ŀ'] = "L", ['Ŋ'] = "N", ['Ŧ'] = "T", ['ẞ'] = "SS",
            // Ligatures (Dutch IJ, the Croatian digraph letters, typographic f-ligatures) are their letters.
            ['Ĳ'] = "IJ", ['Ǆ'] = "DZ", ['ǅ'] = "DZ", ['Ǉ'] = "LJ", ['ǈ'] = "LJ", ['Ǌ'] = "NJ", ['ǋ'] = "NJ",
            ['Ǳ'] = "DZ", ['ǲ'] = "DZ", ['ﬀ'] = "FF", ['ﬁ'] = "FI", ['ﬂ'] = "FL", ['ﬃ'] = "FFI", ['ﬄ'] = "FFL",
            ['ﬅ'] = "ST", ['ﬆ'] = "ST",
            // Turkish dotless i: invariant upper-casing keeps it (only the Turkish culture maps it to I).
            ['ı'] = "I",
        };
        return m;
    }
}
