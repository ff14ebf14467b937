using System.Security.Cryptography;
using System.Text;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.Tests.Sinks;

/// <summary>The pseudonym is the keyed hash of the person key, the same however many are made, on whichever thread.</summary>
public class PseudonymizerTests
{
    private static readonly byte[] Key = "partner-export-key"u8.ToArray();

    /// <summary>The definition: the first 16 bytes of HMAC-SHA256(key, UTF-8 of the key's first 256 characters), lower-case hex.</summary>
    private static string Expected(string personKey)
    {
        var mac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(personKey[..Math.Min(personKey.Length, 256)]));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    [Fact]
    public void Each_pseudonym_is_the_keyed_hash_of_its_person_key_alone()
    {
        using var pseudonymizer = new Pseudonymizer(Key);
        // One after another through the same reused hash: a state left over would change the next.
        var keys = new[] { "P|FR:1850578006084", "P|FR:1850578006084", "N|DUPONT JEAN|1985-05-07", "P|PL:85050700000", "é" + new string('x', 300) };
        foreach (var key in keys)
        {
            Assert.Equal(Expected(key), pseudonymizer.Pseudonym(key));
        }
        Assert.Equal("", pseudonymizer.Pseudonym(""));
        Assert.Equal("", pseudonymizer.Pseudonym(null));
    }

    [Fact]
    public void Threads_get_the_same_pseudonyms()
    {
        using var pseudonymizer = new Pseudonymizer(Key);
        var keys = Enumerable.Range(0, 2_000).Select(i => "P|BE:" + i.ToString("D11", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var results = new string[4][];
        Parallel.For(0, results.Length, t => results[t] = keys.Select(pseudonymizer.Pseudonym).ToArray());
        var expected = keys.Select(Expected).ToArray();
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
