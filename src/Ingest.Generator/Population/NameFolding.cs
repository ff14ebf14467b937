using System.Text;

namespace Ingest.Generator.Population;

/// <summary>
/// ASCII folding and Greek/Cyrillic transliteration close to ICAO 9303, by table so the result does
/// not depend on the ICU data of the machine (the build runs with invariant globalization).
/// </summary>
public static class NameFolding
{
    private static readonly Dictionary<char, string> s_map = BuildMap();

    private static Dictionary<char, string> BuildMap()
    {
        var map = new Dictionary<char, string>();
        void Add(string chars, string ascii)
        {
            foreach (var c in chars)
            {
                map[c] = ascii;
            }
        }
        Add("ÀÁÂÃÄÅĀĂĄ", "A"); Add("àáâãäåāăą", "a"); Add("Ææ", "AE"); Add("ÇĆĈĊČ", "C"); Add("çćĉċč", "c");
        Add("ĎĐ", "D"); Add("ďđ", "d"); Add("ÈÉÊËĒĔĖĘĚ", "E"); Add("èéêëēĕėęě", "e"); Add("ĞĢ", "G"); Add("ğģ", "g");
        Add("ÌÍÎÏĪİ", "I"); Add("ìíîïīı", "i"); Add("Ķ", "K"); Add("ķ", "k"); Add("ĹĻĽŁ", "L"); Add("ĺļľł", "l");
        Add("ÑŃŅŇ", "N"); Add("ñńņň", "n"); Add("ÒÓÔÕÖØŌŐ", "O"); Add("òóôõöøōő", "o"); Add("Œ", "OE"); Add("œ", "oe");
        Add("ŔŘ", "R"); Add("ŕř", "r"); Add("ŚŜŞŠȘ", "S"); Add("śŝşšș", "s"); Add("ß", "ss"); Add("ŢŤȚ", "T"); Add("ţťț", "t");
        Add("ÙÚÛÜŪŮŰŲ", "U"); Add("ùúûüūůűų", "u"); Add("ÝŸ", "Y"); Add("ýÿ", "y"); Add("ŹŻŽ", "Z"); Add("źżž", "z");
        // Greek (ELOT 743 / ICAO style, single letters).
        Add("Αα", "A"); Add("Άά", "A"); Add("Ββ", "V"); Add("Γγ", "G"); Add("Δδ", "D"); Add("Εε", "E"); Add("Έέ", "E");
        Add("Ζζ", "Z"); Add("Ηη", "I"); Add("Ήή", "I"); Add("Θθ", "TH"); Add("Ιι", "I"); Add("Ίίϊΐ", "I"); Add("Κκ", "K");
        Add("Λλ", "L"); Add("Μμ", "M"); Add("Νν", "N"); Add("Ξξ", "X"); Add("Οο", "O"); Add("Όό", "O"); Add("Ππ", "P");
        Add("Ρρ", "R"); Add("Σσς", "S"); Add("Ττ", "T"); Add("Υυ", "Y"); Add("Ύύ", "Y"); Add("Φφ", "F"); Add("Χχ", "CH");
        Add("Ψψ", "PS"); Add("Ωω", "O"); Add("Ώώ", "O");
        // Bulgarian Cyrillic (official 2009 transliteration, as ICAO).
        Add("Аа", "A"); Add("Бб", "B"); Add("Вв", "V"); Add("Гг", "G"); Add("Дд", "D"); Add("Ее", "E"); Add("Жж", "ZH");
        Add("Зз", "Z"); Add("Ии", "I"); Add("Йй", "Y"); Add("Кк", "K"); Add("Лл", "L"); Add("Мм", "M"); Add("Нн", "N");
        Add("Оо", "O"); Add("Пп", "P"); Add("Рр", "R"); Add("Сс", "S"); Add("Тт", "T"); Add("Уу", "U"); Add("Фф", "F");
        Add("Хх", "H"); Add("Цц", "TS"); Add("Чч", "CH"); Add("Шш", "SH"); Add("Щщ", "SHT"); Add("Ъъ", "A"); Add("Ьь", "Y");
        Add("Юю", "YU"); Add("Яя", "YA");
        return map;
    }

    /// <summary>Diacritics removed, scripts transliterated, case kept where the mapping allows.</summary>
    public static string Fold(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 128)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s.Length + 4).Append(s, 0, i);
            if (s_map.TryGetValue(c, out var r))
            {
                // Multi-letter output keeps title case after the first letter: "Θ" → "Th" inside a word.
                sb.Append(r.Length > 1 && i > 0 && char.IsLower(s[i - 1]) ? r[0] + r[1..].ToLowerInvariant() : r);
            }
            else
            {
                sb.Append(c);
            }
        }
        var folded = sb?.ToString() ?? s;
        return folded.Length > 1 && IsAllUpper(folded) && !IsAllUpper(s) ? TitleCase(folded) : folded;
    }

    private static bool IsAllUpper(string s)
    {
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string TitleCase(string s) => s[0] + s[1..].ToLowerInvariant();

    /// <summary>Only the letters A–Z of the folded, upper-cased name (codice fiscale, German initial).</summary>
    public static string AsciiUpperLetters(string s)
    {
        var folded = Fold(s).ToUpperInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'A' and <= 'Z')
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
