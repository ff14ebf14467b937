using System.Globalization;

namespace Ingest.Generator.Population.Pins;

/// <summary>
/// French NIR: sex, YY, MM, department (2 chars; 2A/2B for Corsica, 99 born abroad), commune or
/// INSEE country code (3), order (3), then key = 97 − (number mod 97), where for Corsica 2A
/// counts as 19 and 2B as 18 in the number.
/// </summary>
public sealed class FrNir : IPinFormat
{
    private static readonly string[] s_departments = ["75", "69", "13", "59", "33", "31", "67", "44", "2A", "2B", "06", "34", "76", "93", "971"];

    private static readonly Dictionary<string, string> s_inseeCountry = new(StringComparer.Ordinal)
    {
        ["PL"] = "122", ["PT"] = "139", ["ES"] = "134", ["IT"] = "127", ["DE"] = "109", ["BE"] = "131",
        ["RO"] = "114", ["BG"] = "111", ["EL"] = "126", ["CZ"] = "116", ["SK"] = "117", ["NL"] = "135",
        ["MA"] = "350", ["TR"] = "208", ["UA"] = "155", ["TN"] = "351", ["RS"] = "121",
    };

    public string Country => "FR";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        string place;
        if (s.BirthCountry == "FR" || !s_inseeCountry.TryGetValue(s.BirthCountry, out var countryCode))
        {
            var dept = rng.Pick(s_departments);
            // Overseas departments use three characters, leaving two for the commune.
            place = dept.Length == 3 ? dept + rng.Digits(2) : dept + rng.Next(1, 999).ToString("D3", CultureInfo.InvariantCulture);
        }
        else
        {
            place = "99" + countryCode;
        }
        var body = (s.Female ? "2" : "1") + PinDigits.Two(s.BirthDate.Year % 100) + PinDigits.Two(s.BirthDate.Month)
            + place + rng.Next(1, 999).ToString("D3", CultureInfo.InvariantCulture);
        return body + PinDigits.Two(Key(body));
    }

    public static int Key(string body13)
    {
        var numeric = body13.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var n = ulong.Parse(numeric, CultureInfo.InvariantCulture);
        return 97 - (int)(n % 97);
    }

    public bool IsValid(string pin)
    {
        if (pin.Length != 15)
        {
            return false;
        }
        var body = pin[..13];
        var dept = body.Substring(5, 2);
        var numeric = body.Remove(5, 2).Insert(5, dept is "2A" or "2B" ? "00" : dept);
        return PinDigits.AllDigits(numeric) && PinDigits.AllDigits(pin.AsSpan(13)) && Key(body) == int.Parse(pin.AsSpan(13), CultureInfo.InvariantCulture);
    }
}
