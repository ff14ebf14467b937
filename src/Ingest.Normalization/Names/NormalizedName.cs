namespace Ingest.Normalization.Names;

/// <summary>
/// A name folded to ASCII capitals, tokens sorted: <see cref="Key"/> is the tokens joined by one space.
/// Only the key is held: the tokens are its space-separated parts (<see cref="TokenRanges"/>), so a
/// name costs one string, not an array and a string a token. A struct around that string, not an
/// object of its own: the reference snapshot holds millions of names, each one more object for
/// every full collection to mark and one more load between a record and its characters.
/// </summary>
/// <remarks>The default value is the empty name. Two names are equal when their keys are.</remarks>
public readonly struct NormalizedName : IEquatable<NormalizedName>
{
    public static readonly NormalizedName Empty;

    private readonly string? _key;

    public NormalizedName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    public string Key => _key ?? "";

    /// <summary>The tokens as ranges of <see cref="Key"/>, without allocating: <c>foreach (var r in name.TokenRanges) { var token = name.Key.AsSpan(r); }</c>.</summary>
    public MemoryExtensions.SpanSplitEnumerator<char> TokenRanges => (IsEmpty ? ReadOnlySpan<char>.Empty : Key.AsSpan()).Split(' ');

    /// <summary>The tokens as strings (allocates; for display and tests).</summary>
    public IReadOnlyList<string> Tokens => IsEmpty ? [] : Key.Split(' ');

    public bool IsEmpty => string.IsNullOrEmpty(_key);

    public bool Equals(NormalizedName other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is NormalizedName other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(NormalizedName left, NormalizedName right) => left.Equals(right);

    public static bool operator !=(NormalizedName left, NormalizedName right) => !left.Equals(right);

    public override string ToString() => Key;
}
