namespace Ingest.Generator.Population.Pins;

/// <summary>The PIN format of each country the generator sends from or records.</summary>
public static class PinFormats
{
    private static readonly Dictionary<string, IPinFormat> s_byCountry = Build();

    public static IReadOnlyCollection<IPinFormat> All => s_byCountry.Values;

    public static IPinFormat For(string country) =>
        s_byCountry.TryGetValue(country, out var f) ? f : new GenericDigits(country, 10);

    private static Dictionary<string, IPinFormat> Build()
    {
        IPinFormat[] formats =
        [
            new FrNir(), new PlPesel(), new RoCnp(), new BeNationalNumber(), new ItCodiceFiscale(), new BgEgn(),
            new CzSkBirthNumber("CZ"), new CzSkBirthNumber("SK"), new DeRentenversicherungsnummer(), new EsDni(),
            new PtNif(), new NlBsn(), new ElAmka(),
            new GenericDigits("AT", 10), new GenericDigits("HU", 9), new GenericDigits("LT", 11), new GenericDigits("SI", 13),
            new GenericDigits("HR", 11), new GenericDigits("LU", 13), new GenericDigits("LV", 11), new GenericDigits("DK", 10),
            new GenericDigits("NO", 11), new GenericDigits("CH", 13),
        ];
        return formats.ToDictionary(f => f.Country, StringComparer.Ordinal);
    }
}
