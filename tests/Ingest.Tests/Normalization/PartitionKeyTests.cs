using Ingest.Core.Seds;
using Ingest.Generator;
using Ingest.Normalization;
using Ingest.Tests.Matching;

namespace Ingest.Tests.Normalization;

/// <summary>
/// `ingest produce` keys a record by the person's partition key, so that all of a person's SEDs reach
/// one partition and one worker, whose history then links them (LEG-02, POST-06 across sending states).
/// </summary>
public sealed class PartitionKeyTests
{
    [Theory]
    [InlineData(NoiseLevel.Default)]
    [InlineData(NoiseLevel.Hard)]
    public void Every_persons_seds_share_one_partition_key_whichever_state_sent_them(NoiseLevel noise)
    {
        var register = GeneratedRegister.Make(new GeneratorOptions { Seds = 6000, Seed = 23, Noise = noise, InjectionShare = 0.2 });
        var keysByPerson = register.Seds
            .Where(s => !s.Malformed && s.Truth.TruePersonId is not null)
            .GroupBy(s => s.Truth.TruePersonId!)
            .Select(g => (Senders: g.Select(s => s.Record.Envelope.SenderInstitution?[..2]).Distinct().Count(), Keys: g.Select(s => PersonKeys.PartitionKey(s.Record)).Distinct().Count()))
            .ToList();
        Assert.Contains(keysByPerson, p => p.Senders > 1);
        Assert.All(keysByPerson, p => Assert.Equal(1, p.Keys));
    }

    [Fact]
    public void Without_a_birth_date_the_key_is_the_person_key()
    {
        var sed = TestData.A009(s => s.Person.DateBirth = "unknown");
        Assert.Equal(PersonKeys.For(sed), PersonKeys.PartitionKey(sed));
        Assert.Equal("B|1980-05-17", PersonKeys.PartitionKey(TestData.A009(s => s.Person.DateBirth = "17.05.1980")));
    }
}
