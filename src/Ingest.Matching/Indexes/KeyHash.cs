namespace Ingest.Matching.Indexes;

/// <summary>
/// 64-bit FNV-1a over a tag, strings and numbers: deterministic across processes (unlike
/// string.GetHashCode), cheap, and collisions only cost a candidate that scoring then rejects.
/// </summary>
internal static class KeyHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(char tag, ReadOnlySpan<char> text, int number = 0)
    {
        var h = Offset;
        h = (h ^ tag) * Prime;
        foreach (var c in text)
        {
            h = (h ^ c) * Prime;
        }
        h = (h ^ (uint)number) * Prime;
        // Final avalanche so that near-identical keys spread over the open-addressing table.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }
}
