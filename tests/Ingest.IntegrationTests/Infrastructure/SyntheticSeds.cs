using System.Text;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// Distinct valid SEDs made from the hand-written A009 sample (CDM 4.3, ~3 KB, so a test backlog stays
/// far below the dev broker's ~5 MB per partition): each gets its own case, document id
/// and person, so counts in ClickHouse can be compared with counts produced.
/// </summary>
internal static class SyntheticSeds
{
    private static readonly string s_template = File.ReadAllText(Path.Combine(LocalServices.RepositoryRoot, "samples", "valid", "A009-4.3-sbdh.xml"));

    public static (byte[] Key, byte[] Value) Make(string prefix, int i)
    {
        var documentId = $"{prefix}{i:x8}".PadRight(32, '0')[..32];
        var xml = s_template
            .Replace("a1b2c3d4e5f60718293a4b5c6d7e8f90", documentId, StringComparison.Ordinal)
            .Replace("<InstanceIdentifier>7654321</InstanceIdentifier>", $"<InstanceIdentifier>{prefix}-{i}</InstanceIdentifier>", StringComparison.Ordinal)
            .Replace("Müller", $"Müller-{i}", StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes($"person-{i % 97}"), Encoding.UTF8.GetBytes(xml));
    }
}
