namespace Ingest.Normalization.Names;

/// <summary>
/// A name folded to ASCII capitals, tokens sorted: <see cref="Key"/> is the tokens joined by one space.
/// Only the key is held: the tokens are its space-separated parts (<see cref="TokenRanges"/>), so a
/// name costs one string, not an array and a string a token — the reference snapshot holds millions.
/// </summary>
public sealed class NormalizedName
{
    public static readonly NormalizedName Empty = new("");

    public NormalizedName(string key)
    {
        Key = key;
    }

    public string Key { get; }

    /// <summary>The tokens as ranges of <see cref="Key"/>, without allocating: <c>foreach (var r in name.TokenRanges) { var token = name.Key.AsSpan(r); }</c>.</summary>
    public MemoryExtensions.SpanSplitEnumerator<char> TokenRanges => (IsEmpty ? ReadOnlySpan<char>.Empty : Key.AsSpan()).Split(' ');

    /// <summary>The tokens as strings (allocates; for display and tests).</summary>
    public IReadOnlyList<string> Tokens => IsEmpty ? [] : Key.Split(' ');

    public bool IsEmpty => Key.Length == 0;

    public override string ToString() => Key;
}
