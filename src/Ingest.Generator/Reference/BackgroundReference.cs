using System.Runtime.CompilerServices;
using Ingest.Core.Reference;
using Ingest.Generator.Population;
using Ingest.Generator.Scenarios;

namespace Ingest.Generator.Reference;

/// <summary>
/// The rest of the register: A1s France issued to its outgoing workers, and A1s and declarations of
/// incoming workers no SED in the corpus speaks about (declared workers with no SED: POST-02 material).
/// </summary>
public sealed class BackgroundReference(GeneratorOptions options)
{
    public IEnumerable<A1Certificate> A1s(int count) => A1s(0, count);

    /// <summary>Records first … first + count − 1 (each from its own random stream, so blocks can be made in parallel).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<A1Certificate> A1s(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var rng = DetRandom.For(options.Seed, 2, (ulong)i);
            var outgoing = rng.Chance(0.45);
            var home = outgoing ? CountryProfiles.France : PopulationFactory.PickSender(rng);
            var e = Episode(home, i, 'B', rng);
            if (outgoing)
            {
                e.LegislationState = "FR";
                e.WorkCountries.Clear();
                e.WorkCountries.Add(PopulationFactory.PickSender(rng).Code);
            }
            e.WantsA1 = true;
            e.A1Status = rng.Chance(0.03) ? "withdrawn" : e.End < options.StartDate ? "expired" : "issued";
            ReferenceBuilder.Build(e, rng);
            yield return e.A1!;
        }
    }

    public IEnumerable<PostingDeclaration> Declarations(int count) => Declarations(0, count);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IEnumerable<PostingDeclaration> Declarations(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var rng = DetRandom.For(options.Seed, 3, (ulong)i);
            var e = Episode(PopulationFactory.PickSender(rng), i, 'D', rng);
            e.WantsDeclaration = true;
            e.Site = PopulationFactory.CreateSite(rng);
            e.DeclarationCancelled = rng.Chance(0.04);
            ReferenceBuilder.Build(e, rng);
            yield return e.Declaration!;
        }
    }

    /// <param name="person">The person id's letter: the A1s' workers and the declarations' are different people.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Episode Episode(CountryProfile home, int i, char person, DetRandom rng)
    {
        var sector = PopulationFactory.PickSector(rng);
        var start = options.StartDate.AddDays(rng.Next(-200, options.Days));
        var worker = PopulationFactory.CreatePerson(person + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), home, sector, rng, options.ThirdCountryShare);
        return new Episode
        {
            Kind = CaseKind.Posting,
            CaseId = "B" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Person = worker,
            Employer = PopulationFactory.CreateEmployer("BE" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), home, sector, false, start, rng),
            SendingCountry = home.Code,
            SenderInstitution = rng.Pick(home.Institutions),
            LegislationState = home.Code,
            Article = "01",
            Start = start,
            End = start.AddDays(Durations.PostingDays(rng) - 1),
            Issued = start.AddDays(-rng.Next(1, 30)),
        };
    }
}
