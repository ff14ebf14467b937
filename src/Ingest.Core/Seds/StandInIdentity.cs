using System.Buffers;
using System.Security.Cryptography;

namespace Ingest.Core.Seds;

/// <summary>
/// The document id a SED is stored under when it names none (a bare SED without an SBDH envelope or
/// Kafka headers): "content-" and the first 16 bytes of the SHA-256 of its bytes. Without it every such
/// SED shares the empty identity, and the store's final views, keyed by case, document and version,
/// keep one of them; with it two documents stay two, and one document read twice is one. Given by the
/// nightly and stream pipelines after parsing (`ingest parse` reports the document as written).
/// </summary>
public static class StandInIdentity
{
    public const string Prefix = "content-";

    /// <summary>Gives <paramref name="sed"/> its stand-in id when it has no document id.</summary>
    public static void AssignIfMissing(SedRecord sed, ReadOnlySequence<byte> payload)
    {
        if (sed.Envelope.DocumentId.Length > 0 || payload.IsEmpty)
        {
            return;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in payload)
        {
            hash.AppendData(segment.Span);
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        sed.Envelope.DocumentId = Prefix + Convert.ToHexStringLower(digest[..16]);
    }
}
