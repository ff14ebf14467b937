namespace Ingest.Normalization.Countries;

/// <summary>
/// One internal scheme: ISO 3166-1 alpha-2 (GR, GB), plus XK for Kosovo and the EESSI pseudo-codes
/// XR (refugee), XS (stateless), XU (unknown). EESSI's EL and UK, ISO alpha-3 and lower case are
/// accepted. Callers keep the raw value beside the result.
/// </summary>
public static class CountryNormalizer
{
    /// <summary>The internal code, or null when the value is blank or not a known country.</summary>
    public static string? Normalize(string? raw) => raw is null ? null : Normalize(raw.AsSpan());

    /// <summary>The same from a slice (no substring for a code cut from a longer value).</summary>
    public static string? Normalize(ReadOnlySpan<char> raw)
    {
        var s = raw.Trim();
        if (s.Length is < 2 or > 3)
        {
            return null;
        }
        Span<char> up = stackalloc char[3];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= 'a' and <= 'z')
            {
                c = (char)(c - 32);
            }
            else if (c is < 'A' or > 'Z')
            {
                return null;
            }
            up[i] = c;
        }
        var code = up[..s.Length];
        if (code.Length == 2)
        {
            return CountryTables.ByAlpha2[(code[0] - 'A') * 26 + (code[1] - 'A')];
        }
        return CountryTables.Alpha3.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var a3) ? a3 : null;
    }

    /// <summary>Back to the EESSI code list (GR → EL, GB → UK) for messages we would send.</summary>
    public static string ToEessi(string internalCode) => internalCode switch
    {
        "GR" => "EL",
        "GB" => "UK",
        _ => internalCode,
    };

    /// <summary>EU member states, EEA states and Switzerland: where Regulation 883/2004 coordinates.</summary>
    public static bool IsCoordinated(string? internalCode) => internalCode is not null && CountryTables.CoordinationStart.ContainsKey(internalCode);

    /// <summary>The date the regulation began to apply between France and that state (EU 2010-05-01, HR 2013-07-01, CH 2012-04-01, EEA 2012-06-01).</summary>
    public static DateOnly? CoordinationStart(string? internalCode) =>
        internalCode is not null && CountryTables.CoordinationStart.TryGetValue(internalCode, out var d) ? d : null;

    public static bool IsEu(string? internalCode) => internalCode is not null && CountryTables.Eu.Contains(internalCode);
}
