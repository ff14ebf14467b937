using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Seds;
using Ingest.Matching.Features;
using Ingest.Normalization;
using Ingest.Normalization.Countries;

namespace Ingest.Tests.Matching;

/// <summary>What <see cref="SedFeatures.From"/> computes its own way equals what the shared normalisers give.</summary>
public sealed class FeatureEquivalenceTests
{
    [Property(MaxTest = 300)]
    public Property Person_key_equals_the_shared_one() =>
        Prop.ForAll(Seds().ToArbitrary(), sed => SedFeatures.From(sed).PersonKey == PersonKeys.For(sed));

    [Property(MaxTest = 300)]
    public Property Nationalities_and_employer_ids_are_the_normalised_distinct_values_in_order() =>
        Prop.ForAll(Seds().ToArbitrary(), sed =>
        {
            var f = SedFeatures.From(sed);
            var expected = sed.Person.Nationalities.Select(CountryNormalizer.Normalize).Where(c => c is not null and not "XU").Distinct().ToArray();
            return f.Person.Nationalities.SequenceEqual(expected)
                && f.Employers.Length == sed.Employers.Count
                && f.Employers.All(e => e.IdKeys.All(k => k.Length > 0));
        });

    private static Gen<SedRecord> Seds() =>
        from family in Gen.Elements("Kowalski", "Nowak", "Παπαδόπουλος", "", "O'Brien-Smith")
        from forename in Gen.Elements<string?>("Jan", null, "Maria José")
        from date in Gen.Elements<string?>("1980-05-17", "0987-01-02", "17/05/1980", "1980-02-30", "", null, "2001-12-31T00:00:00Z")
        from pin in Gen.Elements<string?>(null, TestData.Pesel, "garbage", "")
        from pinCountry in Gen.Elements<string?>("PL", "FR", null)
        from nationalities in Gen.Elements<string[]>([], ["PL"], ["PL", "POL"], ["XU", "RO"], ["GR", "EL"], ["??"])
        from ids in Gen.Elements<string[]>([], [TestData.EmployerVat], ["", TestData.EmployerVat, "x"])
        select TestData.A009(s =>
        {
            s.Person.FamilyName = family;
            s.Person.Forename = forename;
            s.Person.DateBirth = date;
            s.Person.Pins.Clear();
            if (pin is not null)
            {
                s.Person.Pins.Add(new PinEntry { Country = pinCountry, Number = pin });
            }
            s.Person.Nationalities.Clear();
            s.Person.Nationalities.AddRange(nationalities);
            s.Employers[0].Ids.Clear();
            foreach (var id in ids)
            {
                s.Employers[0].Ids.Add(new OrganisationId { Number = id, Type = "03" });
            }
        });
}
