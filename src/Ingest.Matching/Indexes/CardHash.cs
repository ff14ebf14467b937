namespace Ingest.Matching.Indexes;

/// <summary>
/// 32-bit hash of a key for <see cref="RecordCard"/>: never 0 for a non-empty key (0 means none).
/// Equal hashes are confirmed on the strings; different hashes prove different keys.
/// </summary>
internal static class CardHash
{
    public static uint Of(string key) => key.Length == 0 ? 0 : (uint)KeyHash.Of('K', key) | 1;
}
