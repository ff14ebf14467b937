using System.Collections.Frozen;

namespace Ingest.Normalization.Countries;

internal static class CountryTables
{
    public static readonly DateOnly EuStart = new(2010, 5, 1);
    private static readonly DateOnly s_chStart = new(2012, 4, 1);
    private static readonly DateOnly s_eeaStart = new(2012, 6, 1);

    // alpha-2, alpha-3 (ISO 3166-1), plus XK/XKX Kosovo and the EESSI nationality pseudo-codes.
    private static readonly (string A2, string A3)[] s_codes =
    [
        ("AT", "AUT"), ("BE", "BEL"), ("BG", "BGR"), ("HR", "HRV"), ("CY", "CYP"), ("CZ", "CZE"), ("DK", "DNK"),
        ("EE", "EST"), ("FI", "FIN"), ("FR", "FRA"), ("DE", "DEU"), ("GR", "GRC"), ("HU", "HUN"), ("IE", "IRL"),
        ("IT", "ITA"), ("LV", "LVA"), ("LT", "LTU"), ("LU", "LUX"), ("MT", "MLT"), ("NL", "NLD"), ("PL", "POL"),
        ("PT", "PRT"), ("RO", "ROU"), ("SK", "SVK"), ("SI", "SVN"), ("ES", "ESP"), ("SE", "SWE"),
        ("IS", "ISL"), ("LI", "LIE"), ("NO", "NOR"), ("CH", "CHE"), ("GB", "GBR"),
        ("XK", "XKX"), ("AL", "ALB"), ("BA", "BIH"), ("ME", "MNE"), ("MK", "MKD"), ("RS", "SRB"), ("TR", "TUR"),
        ("UA", "UKR"), ("MD", "MDA"), ("BY", "BLR"), ("RU", "RUS"), ("GE", "GEO"), ("AM", "ARM"), ("AZ", "AZE"),
        ("MA", "MAR"), ("DZ", "DZA"), ("TN", "TUN"), ("EG", "EGY"), ("SN", "SEN"), ("CI", "CIV"), ("ML", "MLI"),
        ("CM", "CMR"), ("NG", "NGA"), ("IN", "IND"), ("PK", "PAK"), ("BD", "BGD"), ("LK", "LKA"), ("NP", "NPL"),
        ("PH", "PHL"), ("VN", "VNM"), ("CN", "CHN"), ("TH", "THA"), ("ID", "IDN"), ("US", "USA"), ("CA", "CAN"),
        ("BR", "BRA"), ("CO", "COL"), ("PE", "PER"), ("AR", "ARG"), ("MX", "MEX"), ("VE", "VEN"), ("CL", "CHL"),
        ("EC", "ECU"), ("BO", "BOL"), ("JP", "JPN"), ("KR", "KOR"), ("AU", "AUS"), ("NZ", "NZL"), ("ZA", "ZAF"),
        ("SY", "SYR"), ("IQ", "IRQ"), ("IR", "IRN"), ("AF", "AFG"), ("KZ", "KAZ"), ("UZ", "UZB"), ("KG", "KGZ"),
        ("TJ", "TJK"), ("MN", "MNG"), ("IL", "ISR"), ("LB", "LBN"), ("JO", "JOR"), ("SA", "SAU"), ("AE", "ARE"),
        ("QA", "QAT"), ("KW", "KWT"), ("ET", "ETH"), ("ER", "ERI"), ("SO", "SOM"), ("SD", "SDN"), ("GH", "GHA"),
        ("GN", "GIN"), ("CD", "COD"), ("CG", "COG"), ("AO", "AGO"), ("MG", "MDG"), ("MU", "MUS"), ("HT", "HTI"),
        ("CU", "CUB"), ("DO", "DOM"), ("AD", "AND"), ("MC", "MCO"), ("SM", "SMR"), ("VA", "VAT"),
        ("CV", "CPV"), ("BF", "BFA"), ("TG", "TGO"), ("BJ", "BEN"), ("GA", "GAB"), ("NE", "NER"), ("TD", "TCD"),
        ("MR", "MRT"), ("GM", "GMB"), ("GW", "GNB"), ("SL", "SLE"), ("LR", "LBR"), ("RW", "RWA"), ("BI", "BDI"),
        ("KE", "KEN"), ("UG", "UGA"), ("TZ", "TZA"), ("ZW", "ZWE"), ("ZM", "ZMB"), ("MZ", "MOZ"), ("NA", "NAM"),
        ("BW", "BWA"), ("LY", "LBY"), ("CF", "CAF"), ("GQ", "GNQ"), ("DJ", "DJI"), ("KM", "COM"), ("SC", "SYC"),
        ("PS", "PSE"), ("YE", "YEM"), ("OM", "OMN"), ("BH", "BHR"), ("TM", "TKM"), ("MY", "MYS"), ("SG", "SGP"),
        ("KH", "KHM"), ("LA", "LAO"), ("MM", "MMR"), ("TW", "TWN"), ("HK", "HKG"), ("MO", "MAC"), ("KP", "PRK"),
        ("BT", "BTN"), ("MV", "MDV"), ("UY", "URY"), ("PY", "PRY"), ("CR", "CRI"), ("PA", "PAN"), ("GT", "GTM"),
        ("HN", "HND"), ("SV", "SLV"), ("NI", "NIC"), ("JM", "JAM"), ("TT", "TTO"), ("BB", "BRB"), ("BS", "BHS"),
        ("SR", "SUR"), ("GY", "GUY"), ("FO", "FRO"), ("GL", "GRL"), ("GI", "GIB"), ("IM", "IMN"), ("JE", "JEY"),
        ("GG", "GGY"), ("FJ", "FJI"), ("PG", "PNG"),
        ("XR", "XXB"), ("XS", "XXA"), ("XU", "XXX"),
    ];

    private static readonly string[] s_eu =
        ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];

    // Croatia joined the EU, and Regulation 883/2004 began to apply to it, on 2013-07-01.
    private static readonly DateOnly s_hrStart = new(2013, 7, 1);

    // Three-letter codes in use besides ISO 3166-1's: Kosovo's passports (RKS) and Romania's former code (ROM).
    private static readonly (string A3, string A2)[] s_alpha3Aliases = [("RKS", "XK"), ("ROM", "RO")];

    /// <summary>The EU member states (internal codes).</summary>
    public static readonly FrozenSet<string> Eu = s_eu.ToFrozenSet(StringComparer.Ordinal);


    /// <summary>Two capital letters → internal code, as a 26×26 table (EL → GR, UK → GB included): no hashing on the hot path.</summary>
    public static readonly string?[] ByAlpha2 = BuildAlpha2();

    public static readonly FrozenDictionary<string, string> Alpha3 =
        s_codes.Select(c => (c.A3, c.A2)).Concat(s_alpha3Aliases).ToFrozenDictionary(c => c.Item1, c => c.Item2, StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DateOnly> CoordinationStart = BuildCoordination();

    private static string?[] BuildAlpha2()
    {
        var table = new string?[26 * 26];
        foreach (var (a2, _) in s_codes)
        {
            table[(a2[0] - 'A') * 26 + (a2[1] - 'A')] = a2;
        }
        table[('E' - 'A') * 26 + ('L' - 'A')] = "GR";
        table[('U' - 'A') * 26 + ('K' - 'A')] = "GB";
        return table;
    }

    private static FrozenDictionary<string, DateOnly> BuildCoordination()
    {
        var d = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var c in s_eu)
        {
            d[c] = EuStart;
        }
        d["HR"] = s_hrStart;
        d["IS"] = s_eeaStart;
        d["LI"] = s_eeaStart;
        d["NO"] = s_eeaStart;
        d["CH"] = s_chStart;
        // The withdrawal agreement keeps the UK coordinated for people in scope (2021 protocol).
        d["GB"] = EuStart;
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
