using Ingest.Generator;
using Ingest.Generator.Population;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Generator;

public class FamilyNamePoolTests
{
    public static TheoryData<string> Countries() => [.. CountryProfiles.Senders.Concat(CountryProfiles.ThirdCountries).Append(CountryProfiles.France).Select(p => p.Code)];

    [Theory]
    [MemberData(nameof(Countries))]
    public void The_profile_names_come_first_then_distinct_single_word_names_spliced_from_them(string code)
    {
        var profile = CountryProfiles.Get(code);
        var pool = profile.FamilyPool;

        Assert.Equal(profile.FamilyNames, pool.Latin[..pool.HeadCount]);
        Assert.Equal(pool.Latin.Length, pool.Latin.Distinct(StringComparer.Ordinal).Count());
        // Lists of 15 names or more give over a hundred (a one-syllable name gives no parts); shorter ones a few dozen.
        Assert.True(pool.Latin.Length >= (pool.HeadCount >= 15 ? 100 : 2 * pool.HeadCount), $"{code}: {pool.Latin.Length} names from {pool.HeadCount}");
        foreach (var entry in pool.Latin[pool.HeadCount..])
        {
            foreach (var form in entry.Split('/'))
            {
                Assert.InRange(form.Length, 4, 18); // feminine forms run longer ("-ienė")
                Assert.True(char.IsUpper(form[0]) && form.Skip(1).All(char.IsLower), $"{code}: '{entry}'");
            }
        }
    }

    [Fact]
    public void A_spliced_name_joins_the_start_of_one_listed_name_to_the_end_of_another()
    {
        var pool = CountryProfiles.Get("PL").FamilyPool;

        // "No|wak" + "Ko|walski/Ko|walska"; "Kowa|lski" + "Wó|jcik".
        Assert.Contains("Nowalski/Nowalska", pool.Latin);
        Assert.Contains("Kowajcik", pool.Latin);
        Assert.DoesNotContain("Nowak/Nowaka", pool.Latin);
    }

    [Theory]
    [InlineData("BG")]
    [InlineData("EL")]
    public void Native_script_names_are_spliced_at_the_same_syllables_as_their_latin_forms(string code)
    {
        var pool = CountryProfiles.Get(code).FamilyPool;

        Assert.NotNull(pool.Native);
        Assert.Equal(pool.Latin.Length, pool.Native!.Length);
        for (var i = pool.HeadCount; i < pool.Latin.Length; i++)
        {
            Assert.Equal(pool.Latin[i].Split('/').Length, pool.Native[i].Split('/').Length);
            Assert.All(pool.Native[i].Replace("/", "", StringComparison.Ordinal), c => Assert.True(c > '\u036f', $"'{pool.Native[i]}' is not native script"));
        }
        if (code == "BG")
        {
            // "Iva|nov" + "Pe|trov", "Ива|нов" + "Пе|тров": the Latin and Cyrillic forms of one splice.
            var at = Array.IndexOf(pool.Latin, "Ivatrov/Ivatrova");
            Assert.True(at >= pool.HeadCount);
            Assert.Equal("Иватров/Иватрова", pool.Native[at]);
        }
    }

    [Fact]
    public void A_fixed_share_of_draws_takes_a_listed_name_and_the_rest_spread_over_the_tail()
    {
        var pool = CountryProfiles.Get("PL").FamilyPool;
        var rng = new DetRandom(7);
        var counts = new int[pool.Latin.Length];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            counts[pool.Draw(rng)]++;
        }

        var head = counts[..pool.HeadCount].Sum() / (double)draws;
        Assert.InRange(head, FamilyNamePool.HeadShare - 0.01, FamilyNamePool.HeadShare + 0.01);
        Assert.True(counts[pool.HeadCount..].Count(c => c > 0) > 0.95 * (pool.Latin.Length - pool.HeadCount));
    }

    [Fact]
    public void Every_name_the_generator_writes_folds_to_plain_letters_in_the_engines_normaliser()
    {
        // A letter the normaliser does not fold ("Yıldız" kept its dotless ı) leaves a name that no
        // ASCII-folded copy of it can match.
        var unfolded = new List<string>();
        foreach (var profile in CountryProfiles.Senders.Concat(CountryProfiles.ThirdCountries).Append(CountryProfiles.France))
        {
            var pool = profile.FamilyPool;
            var names = pool.Latin.Concat(pool.Native ?? []).Concat(profile.MaleNames).Concat(profile.FemaleNames)
                .Concat(profile.NativeMaleNames ?? []).Concat(profile.NativeFemaleNames ?? []);
            foreach (var form in names.SelectMany(n => n.Split('/')))
            {
                var key = NameNormalizer.Normalize(form, null).Key;
                if (!key.All(c => c is >= 'A' and <= 'Z' or ' '))
                {
                    unfolded.Add(form + " → " + key);
                }
            }
        }
        Assert.Empty(unfolded);
    }
}
