using System.Security.Cryptography;
using System.Text;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Keyed hash of a person key for exports to partners: stable for one key (joins still work),
/// useless without it (no dictionary attack on PINs as with a plain hash).
/// </summary>
public sealed class Pseudonymizer(byte[] key) : IDisposable
{
    // One HMAC a thread, reset after each use: the one-shot call set the key up again for every row
    // (1.9-3.1 against 1.0-1.4 us a pseudonym here), and a sink writes a pseudonym a SED.
    private readonly ThreadLocal<IncrementalHash> _hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key), trackAllValues: true);

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
        var hmac = _hmac.Value!;
        hmac.AppendData(input[..n]);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }
        _hmac.Dispose();
    }
}
