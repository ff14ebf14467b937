using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Generator.Population.Pins;

namespace Ingest.Generator.Population;

/// <summary>Draws persons, employers and French sites from the country profiles.</summary>
public static class PopulationFactory
{
    private static readonly string[] s_sectors = ["construction", "transport", "industry", "agriculture", "services", "temporary-work"];
    private static readonly double[] s_sectorWeights = [40, 15, 15, 10, 10, 10];
    private static readonly string[] s_frTowns = ["Paris|75015|Île-de-France", "Lyon|69003|Auvergne-Rhône-Alpes", "Marseille|13002|Provence-Alpes-Côte d'Azur", "Lille|59000|Hauts-de-France", "Bordeaux|33000|Nouvelle-Aquitaine", "Toulouse|31000|Occitanie", "Strasbourg|67000|Grand Est", "Nantes|44000|Pays de la Loire", "Saint-Étienne|42000|Auvergne-Rhône-Alpes", "Ajaccio|20000|Corse", "Metz|57000|Grand Est", "Rennes|35000|Bretagne", "Nîmes|30000|Occitanie", "Évry-Courcouronnes|91000|Île-de-France"];
    private static readonly string[] s_frStreets = ["rue de la République", "avenue Jean Jaurès", "boulevard Gambetta", "rue Victor Hugo", "chemin des Vignes", "ZAC des Écluses", "quai de Seine", "rue du Général Leclerc"];
    private static readonly string[] s_frClients = ["Bouygues Bâtiment", "Vinci Construction", "Eiffage Génie Civil", "SCI Les Terrasses", "Atelier Lefèvre et Fils", "Logistique Rhône SAS", "Abattoirs de l'Ouest", "Chantiers de l'Atlantique", "Ferme du Moulin EARL", "Hôtel Belle Époque SARL", "Électricité Générale Dubois", "SNC Résidence Les Acacias"];
    private static readonly string[] s_siteKinds = ["Chantier", "Entrepôt", "Usine", "Site", "Résidence"];

    public static CountryProfile PickSender(DetRandom rng) => CountryProfiles.Senders[rng.Weighted(CountryProfiles.SenderWeights)];

    public static Person CreatePerson(string id, CountryProfile home, string sector, DetRandom rng, double thirdCountryShare, bool forceThirdCountry = false)
    {
        var tcnShare = sector is "construction" or "transport" ? thirdCountryShare * 1.6 : thirdCountryShare * 0.4;
        var tcn = forceThirdCountry || (rng.Chance(tcnShare) && home.Code is not ("CH" or "NO" or "DK"));
        var origin = tcn ? rng.Pick(CountryProfiles.ThirdCountries) : home;
        var female = rng.Chance(sector is "construction" or "transport" ? 0.08 : 0.35);
        var pool = origin.FamilyPool;
        var nameIndex = pool.Draw(rng);
        var forenames = female ? origin.FemaleNames : origin.MaleNames;
        var foreIndex = rng.Next(forenames.Length);
        var family = Gendered(pool.Latin[nameIndex], female);
        string? nativeFamily = null, nativeFore = null;
        if (pool.Native is { } nf)
        {
            nativeFamily = Gendered(nf[nameIndex], female);
            nativeFore = (female ? origin.NativeFemaleNames! : origin.NativeMaleNames!)[foreIndex];
        }
        string? birthFamily = null;
        if (female && rng.Chance(0.3))
        {
            // Women who married: the birth name differs (5–10 % of all persons overall).
            birthFamily = Gendered(pool.Latin[pool.Draw(rng)], true);
            if (birthFamily == family)
            {
                birthFamily = null;
            }
        }
        // Posted workers are 18 to 66, about 40 on average (a mean of 28 crowded a million persons onto
        // fewer birth dates than a real population shares).
        var age = Math.Clamp((int)Math.Round(40 + rng.Normal() * 11), 18, 66);
        var birth = new DateOnly(2025 - age, 1, 1).AddDays(rng.Next(365));
        if (birth == new DateOnly(1970, 1, 1))
        {
            // The epoch is the placeholder birth date STR-10 looks for; the generator writes it only as one.
            birth = birth.AddDays(1);
        }
        var nationalities = new List<string> { origin.Code };
        if (rng.Chance(0.035))
        {
            var second = tcn ? home.Code : rng.Pick(CountryProfiles.Senders).Code;
            if (second != origin.Code)
            {
                nationalities.Add(second);
            }
        }
        var birthTown = Town(rng.Pick(origin.Towns));
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        var subject = new PinSubject(birth, female, birthFamily ?? family, origin.FemaleNames.Length > 0 ? forenames[foreIndex] : "X", origin.Code) { Number = HolderNumber(id) };
        pins[home.Code] = PinFormats.For(home.Code).Generate(subject, rng);
        return new Person
        {
            Id = id,
            FamilyName = family,
            Forename = forenames[foreIndex],
            NativeFamilyName = nativeFamily,
            NativeForename = nativeFore,
            FamilyNameAtBirth = birthFamily,
            Female = female,
            BirthDate = birth,
            BirthTown = birthTown,
            BirthCountry = origin.Code,
            Nationalities = nationalities,
            ThirdCountryNational = tcn,
            HomeCountry = home.Code,
            Pins = pins,
            Residence = HomeAddress(home, rng),
        };
    }

    /// <summary>
    /// A number unique to the person, from its id, one residue modulo 3 a kind of id: a dossier's
    /// persons ("P00000012", "P00000012-1"), the background A1s' workers ("B00000042") and the
    /// background declarations' ("D00000042"); 0 for any other id, and past the numbers the PIN formats
    /// map one to one (<see cref="Pins.HolderDigits.RetryStride"/>, some 2.8 million dossiers): PINs are
    /// then drawn at random.
    /// </summary>
    public static ulong HolderNumber(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (id.Length < 2 || dash == 0 || dash == 1)
        {
            return 0;
        }
        var digits = dash < 0 ? id.AsSpan(1) : id.AsSpan(1, dash - 1);
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n >= Pins.HolderDigits.RetryStride)
        {
            return 0;
        }
        var nth = 0UL;
        if (dash >= 0 && (!ulong.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out nth) || nth > 1))
        {
            return 0;
        }
        var number = id[0] switch
        {
            'P' => 3 + 3 * (n * 2 + nth),
            'B' when dash < 0 => 1 + 3 * n,
            'D' when dash < 0 => 2 + 3 * n,
            _ => 0UL,
        };
        return number < Pins.HolderDigits.RetryStride ? number : 0;
    }

    /// <summary>Adds a French NIR as France would have registered it (birth abroad: department 99).</summary>
    public static void AddFrenchPin(Person p, DetRandom rng) =>
        p.Pins["FR"] = new FrNir().Generate(new PinSubject(p.BirthDate, p.Female, p.FamilyName, p.Forename, p.BirthCountry), rng);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Gendered(string entry, bool female)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? entry : female ? entry[(slash + 1)..] : entry[..slash];
    }

    private static string Town(string entry) => entry[..entry.IndexOf('|', StringComparison.Ordinal)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Address HomeAddress(CountryProfile c, DetRandom rng)
    {
        var town = rng.Pick(c.Towns);
        var bar = town.IndexOf('|', StringComparison.Ordinal);
        var street = string.Format(CultureInfo.InvariantCulture, c.StreetFormat, rng.Pick(c.Streets), rng.Next(1, 180));
        return new Address(street, town[..bar], town[(bar + 1)..], c.Code);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Address FrenchAddress(DetRandom rng)
    {
        var parts = rng.Pick(s_frTowns).Split('|');
        return new Address(rng.Next(1, 120).ToString(CultureInfo.InvariantCulture) + " " + rng.Pick(s_frStreets), parts[0], parts[1], "FR", parts[2]);
    }

    public static string PickSector(DetRandom rng) => s_sectors[rng.Weighted(s_sectorWeights)];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Employer CreateEmployer(string id, CountryProfile c, string sector, bool letterbox, DateOnly firstPosting, DetRandom rng)
    {
        var name = rng.Pick(c.CompanyStems) + (rng.Chance(0.5) ? " " + rng.Pick(c.Streets).Split(' ')[^1] : "") + " " + rng.Pick(c.CompanyForms);
        var address = HomeAddress(c, rng);
        if (letterbox)
        {
            // Domiciliation: a business-centre address shared by many companies.
            address = address with { Street = "c/o Business Centre, " + address.Street };
        }
        var registered = letterbox ? firstPosting.AddDays(-rng.Next(20, 110)) : firstPosting.AddDays(-rng.Next(400, 9000));
        return new Employer
        {
            Id = id,
            Name = name,
            Country = c.Code,
            RegistrationNumber = c.Code + rng.Digits(9),
            SocialSecurityNumber = rng.Digits(10),
            FiscalNumber = c.Code + rng.Digits(10),
            Address = address,
            Sector = sector,
            Letterbox = letterbox,
            RegisteredOn = registered,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static HostSite CreateSite(DetRandom rng)
    {
        var address = FrenchAddress(rng);
        return new HostSite(rng.Pick(s_siteKinds) + " " + address.Town + " " + rng.Next(1, 99).ToString(CultureInfo.InvariantCulture), rng.Pick(s_frClients), Siret.Generate(rng), address);
    }
}
