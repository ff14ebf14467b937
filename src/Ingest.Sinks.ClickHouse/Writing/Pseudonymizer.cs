using System.Security.Cryptography;
using System.Text;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Keyed hash of a person key for exports to partners: stable for one key (joins still work),
/// useless without it (no dictionary attack on PINs as with a plain hash).
/// </summary>
public sealed class Pseudonymizer(byte[] key)
{
    public static Pseudonymizer FromOptions(ClickHouseOptions options) =>
        new(Encoding.UTF8.GetBytes(options.PseudonymKey));

    public string Pseudonym(string? personKey)
    {
        if (string.IsNullOrEmpty(personKey))
        {
            return "";
        }
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(personKey.Length, 256))];
        var n = Encoding.UTF8.GetBytes(personKey.AsSpan(0, Math.Min(personKey.Length, 256)), input);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input[..n], mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
