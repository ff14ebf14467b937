namespace Ingest.Normalization.Names;

/// <summary>A name folded to ASCII capitals, tokens sorted: <see cref="Key"/> is the tokens joined by one space.</summary>
public sealed class NormalizedName
{
    public static readonly NormalizedName Empty = new("", []);

    public NormalizedName(string key, string[] tokens)
    {
        Key = key;
        Tokens = tokens;
    }

    public string Key { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsEmpty => Key.Length == 0;

    public override string ToString() => Key;
}
