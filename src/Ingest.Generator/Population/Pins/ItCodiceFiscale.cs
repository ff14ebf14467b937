using System.Text;

namespace Ingest.Generator.Population.Pins;

/// <summary>
/// Italian codice fiscale: surname code (consonants, vowels, X), forename code (1st, 3rd, 4th
/// consonant when there are four or more), YY, month letter, day (+40 for women), Belfiore
/// place code (Z + 3 digits abroad), and a check letter from the odd/even position tables mod 26.
/// </summary>
public sealed class ItCodiceFiscale : IPinFormat
{
    private const string MonthLetters = "ABCDEHLMPRST";
    // Value of A..Z (and 0..9 by the same index) at odd (1-based) positions.
    private static readonly int[] s_odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    private static readonly string[] s_places = ["H501", "F205", "F839", "L219", "G273", "A662", "D612", "A944", "L736", "C351"];
    private static readonly Dictionary<string, string> s_foreign = new(StringComparer.Ordinal)
    {
        ["RO"] = "Z129", ["PL"] = "Z127", ["MA"] = "Z330", ["AL"] = "Z100", ["UA"] = "Z138", ["TN"] = "Z352", ["IN"] = "Z222",
    };

    public string Country => "IT";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var sb = new StringBuilder(16);
        sb.Append(NameCode(s.FamilyName, forename: false));
        sb.Append(NameCode(s.Forename, forename: true));
        sb.Append(PinDigits.Two(s.BirthDate.Year % 100));
        sb.Append(MonthLetters[s.BirthDate.Month - 1]);
        sb.Append(PinDigits.Two(s.BirthDate.Day + (s.Female ? 40 : 0)));
        sb.Append(s_foreign.TryGetValue(s.BirthCountry, out var z) ? z : rng.Pick(s_places));
        sb.Append(CheckLetter(sb.ToString()));
        return sb.ToString();
    }

    internal static string NameCode(string name, bool forename)
    {
        var letters = NameFolding.AsciiUpperLetters(name);
        var consonants = new StringBuilder();
        var vowels = new StringBuilder();
        foreach (var c in letters)
        {
            (c is 'A' or 'E' or 'I' or 'O' or 'U' ? vowels : consonants).Append(c);
        }
        if (forename && consonants.Length >= 4)
        {
            return string.Concat(consonants[0], consonants[2], consonants[3]);
        }
        return (consonants.ToString() + vowels + "XXX")[..3];
    }

    internal static char CheckLetter(string first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = c is >= '0' and <= '9' ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? s_odd[index] : index;
        }
        return (char)('A' + sum % 26);
    }

    public bool IsValid(string pin)
    {
        if (pin.Length != 16)
        {
            return false;
        }
        foreach (var c in pin)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }
        return MonthLetters.Contains(pin[8], StringComparison.Ordinal) && CheckLetter(pin[..15]) == pin[15];
    }
}
